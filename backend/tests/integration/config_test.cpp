// Start-up configuration: every problem is one clear line and a non-zero exit; --help documents
// the sub-commands and every environment variable.
#include <gtest/gtest.h>

#include <string>

#include "app/config.hpp"
#include "support/postgres.hpp"
#include "support/subprocess.hpp"

namespace tmeit::test {
namespace {

/// The line of `output` that mentions `needle`, or "" when none does.
std::string line_with(const std::string& output, const std::string& needle) {
  std::size_t start = 0;
  while (start < output.size()) {
    auto end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    auto line = output.substr(start, end - start);
    if (line.find(needle) != std::string::npos) return line;
    start = end + 1;
  }
  return "";
}

TEST(Config, EachProblemIsOneLineAndExitIsNonZero) {
  auto result = run_tmeit(
      {"serve"}, {{"PORT", "not-a-port"}, {"DATABASE_URL", database_url(free_port(), "x")}}, 10s);
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_FALSE(result.timed_out) << "serve started despite the bad configuration";
  EXPECT_FALSE(line_with(result.output, "PORT").empty()) << result.output;
  EXPECT_FALSE(line_with(result.output, "TMEIT_JWT_SECRET").empty()) << result.output;
  // Two separate lines, not one message naming both.
  EXPECT_NE(line_with(result.output, "not-a-port"), line_with(result.output, "TMEIT_JWT_SECRET"));
}

TEST(Config, ShortJwtSecretIsRefused) {
  auto result = run_tmeit(
      {"serve"},
      {{"TMEIT_JWT_SECRET", "too-short"}, {"DATABASE_URL", database_url(free_port(), "x")}}, 10s);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_FALSE(line_with(result.output, "TMEIT_JWT_SECRET").empty()) << result.output;
  EXPECT_EQ(result.output.find("too-short"), std::string::npos) << "a secret was echoed";
}

TEST(Config, HelpListsSubcommands) {
  auto result = run_tmeit({"--help"}, {}, 10s);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  for (const char* command : {"serve", "migrate"}) {
    EXPECT_NE(result.output.find(command), std::string::npos) << command;
  }
}

TEST(Config, HelpListsEveryEnvironmentVariable) {
  auto result = run_tmeit({"--help"}, {}, 10s);
  for (const auto& variable : app::environment_variables()) {
    EXPECT_NE(result.output.find(variable.name), std::string::npos) << variable.name;
  }
  for (const char* name : {"DATABASE_URL", "PORT", "TMEIT_JWT_SECRET", "TMEIT_MAX_BODY_BYTES",
                           "TMEIT_MAX_HEADER_BYTES", "TMEIT_REQUEST_TIMEOUT_MS",
                           "TMEIT_SHUTDOWN_GRACE_MS", "TMEIT_TRUSTED_PROXIES", "TMEIT_STATIC_DIR",
                           "TMEIT_MIGRATIONS_DIR", "TMEIT_DB_TIMEOUT_MS"}) {
    EXPECT_NE(result.output.find(name), std::string::npos) << name;
  }
}

TEST(Config, UnknownSubcommandExitsNonZero) {
  auto result = run_tmeit({"no-such-command"}, {}, 10s);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_FALSE(result.output.empty());
}

}  // namespace
}  // namespace tmeit::test
