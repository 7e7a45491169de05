// GET /api/v1/version: the backend's semver and the database's schema version.
#include <gtest/gtest.h>

#include <regex>

#include "app/build_info.hpp"
#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(Version, ReportsBackendSemver) {
  TestServer server;
  auto response = server.get("/api/v1/version");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_TRUE(has_media_type(response, "application/json"));
  auto backend = json_body(response).value("backend", "");
  EXPECT_EQ(backend, app::build_info::version);
  EXPECT_TRUE(std::regex_match(backend, std::regex(R"(\d+\.\d+\.\d+)"))) << backend;
}

TEST(Version, ReportsSchemaVersionOfTheDatabase) {
  TestServer server;
  auto body = json_body(server.get("/api/v1/version"));
  ASSERT_TRUE(body.contains("schema_version")) << body;
  EXPECT_EQ(body["schema_version"], app::build_info::schema_version);
}

}  // namespace
}  // namespace tmeit::test
