#include "util/file_slice.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace tmeit::util {
namespace {

class FileSlice : public testing::Test {
 protected:
  void SetUp() override {
    std::ofstream out{file_, std::ios::binary};
    out << "0123456789";
  }
  void TearDown() override {
    std::filesystem::remove(file_);
    std::filesystem::remove(link_);
  }
  // ctest runs tests in parallel processes: the pid keeps their files apart.
  const std::string suffix_ = std::to_string(::getpid());
  std::filesystem::path file_ =
      std::filesystem::path{testing::TempDir()} / ("file_slice_test." + suffix_);
  std::filesystem::path link_ =
      std::filesystem::path{testing::TempDir()} / ("file_slice_link." + suffix_);
};

TEST_F(FileSlice, ReadsTheAskedBytes) {
  EXPECT_EQ(read_file_slice(file_, 2, 3), "234");
}

TEST_F(FileSlice, ReadsTheWholeFile) {
  EXPECT_EQ(read_file_slice(file_, 0, 10), "0123456789");
}

TEST_F(FileSlice, ShorterFileThanExpectedThrows) {
  EXPECT_THROW(read_file_slice(file_, 5, 10), std::runtime_error);
}

TEST_F(FileSlice, ExpectedSizeIsChecked) {
  EXPECT_EQ(read_file_slice(file_, 0, 2, 10), "01");
  EXPECT_THROW(read_file_slice(file_, 0, 2, 9), std::runtime_error);
}

TEST_F(FileSlice, MissingFileThrows) {
  EXPECT_THROW(read_file_slice(file_.string() + ".missing", 0, 1), std::runtime_error);
}

TEST_F(FileSlice, DoesNotFollowASymlink) {
  std::filesystem::create_symlink(file_, link_);
  EXPECT_THROW(read_file_slice(link_, 0, 1), std::runtime_error);
}

}  // namespace
}  // namespace tmeit::util
