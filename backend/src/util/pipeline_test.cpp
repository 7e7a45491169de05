#include "util/pipeline.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace tmeit::util {
namespace {

std::string read_all(Pipeline& pipeline) {
  std::string out;
  char buffer[3];  // tiny on purpose: many reads
  while (const std::size_t n = pipeline.read(buffer, sizeof buffer)) out.append(buffer, n);
  return out;
}

TEST(Pipeline, ConnectsOutputsToInputsLikeAShell) {
  Pipeline pipeline({{{"printf", "hello pipes"}}, {{"tr", "a-z", "A-Z"}}, {{"rev"}}}, "", true);
  EXPECT_EQ(read_all(pipeline), "SEPIP OLLEH");
  EXPECT_TRUE(pipeline.wait().empty());
}

TEST(Pipeline, FirstCommandReadsTheInputFile) {
  const auto file = std::filesystem::path(testing::TempDir()) / "pipeline_input.txt";
  std::ofstream(file) << "from a file";
  Pipeline pipeline({{{"cat"}}}, file.string(), true);
  EXPECT_EQ(read_all(pipeline), "from a file");
  EXPECT_TRUE(pipeline.wait().empty());
  std::filesystem::remove(file);
}

TEST(Pipeline, ReportsWhichCommandFailedWithItsStderr) {
  Pipeline pipeline({{{"sh", "-c", "echo partial; echo broken disk >&2; exit 3"}}, {{"cat"}}}, "",
                    true);
  EXPECT_EQ(read_all(pipeline), "partial\n");
  const auto failures = pipeline.wait();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0], "sh: exit 3: broken disk ");
}

TEST(Pipeline, AddsEnvironmentVariables) {
  Pipeline pipeline({{{"sh", "-c", "printf %s \"$TMEIT_PIPELINE_TEST\""},
                      {{"TMEIT_PIPELINE_TEST", "set for the child"}}}},
                    "", true);
  EXPECT_EQ(read_all(pipeline), "set for the child");
}

TEST(Pipeline, UnknownProgramThrowsNamingIt) {
  try {
    Pipeline pipeline({{{"printf", "x"}}, {{"tmeit-no-such-program"}}}, "", true);
    FAIL() << "expected an exception";
  } catch (const std::system_error& error) {
    EXPECT_NE(std::string(error.what()).find("tmeit-no-such-program"), std::string::npos);
  }
}

TEST(Pipeline, DiscardsOutputWhenNotRead) {
  Pipeline pipeline({{{"sh", "-c", "head -c 1000000 /dev/zero"}}, {{"cat"}}}, "", false);
  EXPECT_TRUE(pipeline.wait().empty());
}

}  // namespace
}  // namespace tmeit::util
