#include "db/conninfo.hpp"

#include "db/errors.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace tmeit::db {
namespace {

std::string value_of(const ConnectParams& params, const std::string& keyword) {
  for (std::size_t i = 0; i < params.keywords.size(); ++i) {
    if (params.keywords[i] == keyword) return params.values[i];
  }
  return "<unset>";
}

/// These tests read PGHOST and friends through libpq's parser, so they clear them first.
class ParseConninfo : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"PGHOST", "PGHOSTADDR", "PGPASSWORD"}) ::unsetenv(name);
  }
};

TEST_F(ParseConninfo, DnsNameIsResolvedByUs) {
  const auto params = parse_conninfo("host=db.example.internal port=5432 dbname=tmeit");
  EXPECT_EQ(params.host_to_resolve, "db.example.internal");
  EXPECT_EQ(value_of(params, "dbname"), "tmeit");
  EXPECT_EQ(value_of(params, "port"), "5432");
}

TEST_F(ParseConninfo, UriIsBrokenIntoKeywords) {
  const auto params = parse_conninfo("postgresql://app:s3cret@db.example.internal:6543/tmeit");
  EXPECT_EQ(params.host_to_resolve, "db.example.internal");
  EXPECT_EQ(value_of(params, "user"), "app");
  EXPECT_EQ(value_of(params, "port"), "6543");
  EXPECT_EQ(params.password, "s3cret");
}

TEST_F(ParseConninfo, SocketsNumericAddressesAndHostListsNeedNoLookup) {
  EXPECT_EQ(parse_conninfo("host=/run/postgresql").host_to_resolve, "");
  EXPECT_EQ(parse_conninfo("host=127.0.0.1").host_to_resolve, "");
  EXPECT_EQ(parse_conninfo("host=::1").host_to_resolve, "");
  EXPECT_EQ(parse_conninfo("host=a,b").host_to_resolve, "");
  EXPECT_EQ(parse_conninfo("host=db hostaddr=10.0.0.5").host_to_resolve, "");
  EXPECT_EQ(parse_conninfo("").host_to_resolve, "");
}

TEST_F(ParseConninfo, EnvironmentHostIsResolvedToo) {
  ::setenv("PGHOST", "db.from.env", 1);
  EXPECT_EQ(parse_conninfo("").host_to_resolve, "db.from.env");
  ::unsetenv("PGHOST");
}

TEST_F(ParseConninfo, InvalidStringIsNeverEchoed) {
  try {
    parse_conninfo("postgresql://app:hunter2@host/db?bogus_option=1");
    FAIL() << "expected DbUnavailable";
  } catch (const DbUnavailable& error) {
    EXPECT_EQ(std::string(error.what()).find("hunter2"), std::string::npos) << error.what();
  }
}

TEST(ConnectParams, SetReplacesAnExistingKeyword) {
  ConnectParams params;
  params.set("hostaddr", "10.0.0.1");
  params.set("hostaddr", "10.0.0.2");
  ASSERT_EQ(params.keywords.size(), 1u);
  EXPECT_EQ(params.values[0], "10.0.0.2");
}

TEST(CleanMessage, JoinsLinesAndScrubsTheSecret) {
  EXPECT_EQ(clean_message("connection failed: refused\n\tIs the server running?\n"),
            "connection failed: refused Is the server running?");
  EXPECT_EQ(clean_message("bad password hunter2 for hunter2", "hunter2"),
            "bad password *** for ***");
}

}  // namespace
}  // namespace tmeit::db
