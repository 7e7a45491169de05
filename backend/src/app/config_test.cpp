#include "app/config.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace tmeit::app {
namespace {

Config load(const std::map<std::string, std::string>& env, ConfigNeeds needs = {}) {
  return load_config(
      [&env](const char* name) -> const char* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
      },
      needs);
}

TEST(Config, DefaultsApplyWhenNothingIsSet) {
  Config config = load({});
  EXPECT_EQ(config.port, 8080);
  EXPECT_EQ(config.max_body_bytes, 1024u * 1024u);
  EXPECT_EQ(config.migrations_dir, "db/migrations");
}

TEST(Config, ReportsEveryProblemOnItsOwnLine) {
  try {
    load({{"PORT", "http"}, {"TMEIT_DB_POOL_SIZE", "0"}}, ConfigNeeds{.jwt_secret = true});
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    ASSERT_EQ(error.problems().size(), 3u);
    EXPECT_NE(error.problems()[0].find("TMEIT_DB_POOL_SIZE"), std::string::npos);
    EXPECT_NE(error.problems()[1].find("PORT"), std::string::npos);
    EXPECT_NE(error.problems()[2].find("TMEIT_JWT_SECRET"), std::string::npos);
  }
}

TEST(Config, TrustedProxiesAreAListWithoutBlanks) {
  Config config = load({{"TMEIT_TRUSTED_PROXIES", " 10.0.0.1, ,127.0.0.1 "}});
  ASSERT_EQ(config.trusted_proxies.size(), 2u);
  EXPECT_EQ(config.trusted_proxies[0], "10.0.0.1");
  EXPECT_EQ(config.trusted_proxies[1], "127.0.0.1");
}

TEST(Config, MailSettingsHaveWorkingDefaults) {
  Config config = load({});
  EXPECT_EQ(config.smtp_url, "smtp://127.0.0.1:1025");
  EXPECT_EQ(config.mail_from, "TMEIT <noreply@tmeit.se>");
  EXPECT_EQ(config.mail_max_attempts, 8u);
  EXPECT_EQ(config.worker_port, 8081);
  EXPECT_EQ(config.public_url, "http://localhost:8080");
}

TEST(Config, RejectsBadMailSettingsWithoutEchoingTheSmtpUrl) {
  try {
    load({{"TMEIT_SMTP_URL", "http://user:secret@mail"},
          {"TMEIT_MAIL_FROM", "nobody"},
          {"TMEIT_MAIL_MAX_ATTEMPTS", "0"},
          {"TMEIT_PUBLIC_URL", "localhost"}});
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    ASSERT_EQ(error.problems().size(), 4u);
    for (const auto& problem : error.problems()) {
      EXPECT_EQ(problem.find("secret"), std::string::npos) << problem;
    }
  }
}

TEST(Config, PublicUrlLosesItsTrailingSlash) {
  EXPECT_EQ(load({{"TMEIT_PUBLIC_URL", "https://tmeit.se/"}}).public_url, "https://tmeit.se");
}

}  // namespace
}  // namespace tmeit::app
