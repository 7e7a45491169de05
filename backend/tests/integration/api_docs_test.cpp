// GET /api/v1/openapi.json (generated from the route table) and GET /api/v1/docs (Swagger UI).
#include <gtest/gtest.h>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(OpenApi, IsAnOpenApi3Document) {
  TestServer server;
  auto response = server.get("/api/v1/openapi.json");
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_TRUE(has_media_type(response, "application/json"));
  auto document = json_body(response);
  EXPECT_TRUE(document.value("openapi", "").starts_with("3.")) << document.value("openapi", "");
  EXPECT_TRUE(document.contains("info")) << response.body();
}

TEST(OpenApi, ListsTheOperationalPaths) {
  TestServer server;
  auto paths = json_body(server.get("/api/v1/openapi.json")).value("paths", nlohmann::json());
  for (const char* path : {"/health", "/ready", "/api/v1/version"}) {
    ASSERT_TRUE(paths.contains(path)) << path << " missing from " << paths.dump();
    EXPECT_TRUE(paths[path].contains("get")) << path;
  }
  // Metrics are served on their own port, not on the public API.
  EXPECT_FALSE(paths.contains("/metrics")) << paths.dump();
}

// Typed clients (the SPA's openapi-fetch) see only parameters that are objects with a name and a
// place; the events list's `upcoming` once came out as an array of key-value pairs.
TEST(OpenApi, EveryParameterIsAnObjectWithNameAndPlace) {
  TestServer server;
  auto paths = json_body(server.get("/api/v1/openapi.json")).value("paths", nlohmann::json());
  for (const auto& [path, operations] : paths.items()) {
    for (const auto& [method, operation] : operations.items()) {
      for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
        ASSERT_TRUE(parameter.is_object()) << method << ' ' << path << ": " << parameter.dump();
        EXPECT_TRUE(parameter.contains("name") && parameter.contains("in")) << parameter.dump();
      }
    }
  }
  auto events = paths["/api/v1/events/"]["get"]["parameters"];
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].value("name", ""), "upcoming") << events.dump();
}

TEST(ApiDocs, ServesSwaggerUiPageFromOurOwnServer) {
  TestServer server;
  auto response = server.get("/api/v1/docs");
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_TRUE(has_media_type(response, "text/html"));
  EXPECT_NE(response.body().find("/swagger-ui/swagger-ui-bundle.js"), std::string::npos)
      << response.body();
  // Served locally: the page must not pull the UI from a CDN.
  for (const char* remote : {"src=\"http", "href=\"http", "src='http", "href='http"}) {
    EXPECT_EQ(response.body().find(remote), std::string::npos) << response.body();
  }
}

}  // namespace
}  // namespace tmeit::test
