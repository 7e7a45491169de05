#include "util/sha256.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace tmeit::util {
namespace {

TEST(Sha256, MatchesTheKnownDigestOfAbc) {
  EXPECT_EQ(to_hex(sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, EmptyInputHasTheKnownDigest) {
  EXPECT_EQ(to_hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, FileDigestEqualsDigestOfItsContent) {
  const auto file = std::filesystem::path{testing::TempDir()} / "sha256_test_file.bin";
  // Larger than one read chunk, so the chunked path is exercised.
  std::string content(std::size_t{200} * 1024, 'x');
  content += "tail";
  {
    std::ofstream out{file, std::ios::binary};
    out << content;
  }
  EXPECT_EQ(sha256_of_file(file), sha256(content));
  std::filesystem::remove(file);
}

TEST(Sha256, PiecesHashLikeTheWhole) {
  Sha256Hasher hasher;
  hasher.update("ab");
  hasher.update("");
  hasher.update("c");
  EXPECT_EQ(to_hex(hasher.finish()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Md5, Base64IsTheContentMd5OfRfc1864) {
  // MD5 of "hello\n" is b1946ac92492d2347c6235b4d2611184.
  EXPECT_EQ(md5_base64("hello\n"), "sZRqySSS0jR8YjW00mERhA==");
  EXPECT_EQ(md5_base64(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
}

TEST(Sha256, MissingFileThrowsNamingIt) {
  try {
    sha256_of_file("/nonexistent/tmeit-sha256-missing");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string{error.what()}.find("tmeit-sha256-missing"), std::string::npos);
  }
}

}  // namespace
}  // namespace tmeit::util
