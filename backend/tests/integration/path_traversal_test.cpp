// No request, however its path is spelled or encoded, reads a file outside the static folder.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/http_assertions.hpp"
#include "support/static_site.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

class PathTraversal : public ::testing::Test {
 protected:
  /// Sends `target` byte for byte and checks the answer leaks nothing and is not a 5xx.
  void expect_contained(const std::string& target) {
    SCOPED_TRACE(target);
    Connection connection(server_.port());
    connection.write_raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    auto response = connection.read_response();
    EXPECT_LT(response.result_int(), 500u);
    EXPECT_EQ(response.body().find(StaticSite::secret_marker), std::string::npos);
    EXPECT_EQ(response.body().find("root:x:0:0"), std::string::npos);
  }

  StaticSite site_;
  TestServer server_{{.static_dir = site_.root().string()}};
};

TEST_F(PathTraversal, PlainDotDotSegments) {
  for (const char* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/index.html/../../secret.txt",
        "/./../secret.txt", "/assets/../../../../../../etc/passwd", "/..", "/../"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, PercentEncodedDots) {
  for (const char* target :
       {"/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, EncodedSlashes) {
  for (const char* target :
       {"/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt",
        "/assets%2f..%2f..%2fsecret.txt", "/%2f..%2fsecret.txt", "/%2fetc%2fpasswd"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, DoubleEncoded) {
  for (const char* target : {"/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
                             "/..%252fsecret.txt", "/%25%32%65%25%32%65/secret.txt"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, Backslashes) {
  for (const char* target : {"/..\\secret.txt", "/assets\\..\\..\\secret.txt", "/..%5csecret.txt",
                             "/..%5Csecret.txt", "/%5c..%5csecret.txt"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, OverlongUtf8AndNulBytes) {
  for (const char* target :
       {"/%c0%ae%c0%ae/secret.txt", "/%c0%2e%c0%2e/secret.txt", "/..%c0%afsecret.txt",
        "/index.html%00../../secret.txt", "/assets/app-AbC123xY.js%00.html"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, AbsoluteAndOddTargetForms) {
  for (const char* target : {"http://127.0.0.1/../secret.txt", "//secret.txt", "//../secret.txt",
                             "/assets//..//..//secret.txt"}) {
    expect_contained(target);
  }
}

TEST_F(PathTraversal, ServerKeepsServingAfterAttempts) {
  expect_contained("/%2e%2e/%2e%2e/secret.txt");
  EXPECT_TRUE(answers_health(server_.process()));
  EXPECT_EQ(server_.get(StaticSite::js_asset).result_int(), 200);
}

}  // namespace
}  // namespace tmeit::test
