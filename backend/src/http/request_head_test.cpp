#include "http/request_head.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

namespace tmeit::http {
namespace {

using Fields = std::initializer_list<std::pair<std::string, std::string>>;

Request head(std::string target, Fields fields, unsigned version = 11) {
  Request request{bhttp::verb::post, target, version};
  for (const auto& [name, value] : fields) request.insert(name, value);
  return request;
}

/// The status check_request_head answers with, or 0 when it lets the request through.
unsigned status_of(Request request) {
  const auto problem = check_request_head(request);
  return problem ? static_cast<unsigned>(problem->status) : 0;
}

TEST(RequestHead, AcceptsAPlainRequest) {
  EXPECT_EQ(status_of(head("/health", {{"Host", "tmeit.se"}})), 0u);
  EXPECT_EQ(status_of(head("/x", {{"Host", "[::1]:8080"}, {"Transfer-Encoding", "chunked"}})), 0u);
  EXPECT_EQ(status_of(head("/x", {{"Host", "x"}, {"Transfer-Encoding", "Chunked"}})), 0u);
}

TEST(RequestHead, TransferEncodingNotEndingInChunkedIs400) {
  EXPECT_EQ(status_of(head("/", {{"Host", "x"}, {"Transfer-Encoding", "gzip"}})), 400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "x"}, {"Transfer-Encoding", "chunked, gzip"}})), 400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "x"},
                                 {"Transfer-Encoding", "chunked"},
                                 {"Transfer-Encoding", "identity"}})),
            400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "x"}, {"Transfer-Encoding", ""}})), 400u);
}

TEST(RequestHead, OtherCodingsBeforeChunkedAre501) {
  EXPECT_EQ(status_of(head("/", {{"Host", "x"}, {"Transfer-Encoding", "gzip, chunked"}})), 501u);
  EXPECT_EQ(
      status_of(head(
          "/", {{"Host", "x"}, {"Transfer-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"}})),
      501u);
}

TEST(RequestHead, TransferEncodingInHttp10Is400) {
  EXPECT_EQ(status_of(head("/", {{"Transfer-Encoding", "chunked"}}, 10)), 400u);
  EXPECT_EQ(status_of(head("/", {}, 10)), 0u) << "HTTP/1.0 needs no Host";
}

TEST(RequestHead, MissingRepeatedOrInvalidHostIs400) {
  EXPECT_EQ(status_of(head("/", {})), 400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "a"}, {"Host", "a"}})), 400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "a b"}})), 400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "user@evil.example"}})), 400u);
  EXPECT_EQ(status_of(head("/", {{"Host", "evil.example/path"}})), 400u);
}

TEST(RequestHead, TwoAuthorizationHeadersAre400) {
  EXPECT_EQ(
      status_of(
          head("/", {{"Host", "x"}, {"Authorization", "Bearer a"}, {"Authorization", "Bearer b"}})),
      400u);
}

TEST(RequestHead, AbsoluteFormBecomesOriginFormWithItsAuthorityAsHost) {
  auto request = head("http://tmeit.se:8080/api/v1/events/?q=1", {{"Host", "other"}});
  EXPECT_FALSE(check_request_head(request));
  EXPECT_EQ(request.target(), "/api/v1/events/?q=1");
  EXPECT_EQ(request[bhttp::field::host], "tmeit.se:8080");

  auto bare = head("HTTPS://tmeit.se", {{"Host", "tmeit.se"}});
  EXPECT_FALSE(check_request_head(bare));
  EXPECT_EQ(bare.target(), "/");

  auto query_only = head("http://tmeit.se?x", {{"Host", "tmeit.se"}});
  EXPECT_FALSE(check_request_head(query_only));
  EXPECT_EQ(query_only.target(), "/?x");
}

TEST(RequestHead, OtherTargetFormsAre400) {
  EXPECT_EQ(status_of(head("ftp://tmeit.se/", {{"Host", "x"}})), 400u);
  EXPECT_EQ(status_of(head("http:///path", {{"Host", "x"}})), 400u);
  EXPECT_EQ(status_of(head("tmeit.se:443", {{"Host", "x"}})), 400u);
  EXPECT_EQ(status_of(head("*", {{"Host", "x"}})), 400u) << "'*' is for OPTIONS only";
  Request options{bhttp::verb::options, "*", 11};
  options.set(bhttp::field::host, "x");
  EXPECT_FALSE(check_request_head(options));
}

}  // namespace
}  // namespace tmeit::http
