// Path traversal, symlinks and construction: nothing outside the root is ever served.

#include "http/static/test_site.hpp"
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace tmeit::static_files_test {
namespace {

using http::Response;
using http::Status;
using http::static_assets::testing::get;
using http::static_assets::testing::TestSite;
namespace bhttp = boost::beast::http;

class StaticFilesSafety : public testing::Test {
 protected:
  Response serve(std::string_view target) {
    std::optional<Response> response = files_.serve(get(target));
    if (!response) throw std::runtime_error("serve() declined the request");
    return *std::move(response);
  }

  /// Whatever the status, the secret from outside the root must not be in the answer.
  void expect_rejected(std::string_view target, Status status) {
    const Response response = serve(target);
    EXPECT_EQ(response.result(), status) << target;
    EXPECT_EQ(response.body().find(TestSite::secret), std::string::npos) << target;
    EXPECT_EQ(response[bhttp::field::content_type], "application/json") << target;
  }

  TestSite site_;
  http::StaticFiles files_{site_.root()};
};

TEST_F(StaticFilesSafety, DotDotSegmentsAreABadRequest) {
  expect_rejected("/../outside/secret.txt", Status::bad_request);
  expect_rejected("/assets/../../outside/secret.txt", Status::bad_request);
  expect_rejected("/assets/../index.html", Status::bad_request);
}

TEST_F(StaticFilesSafety, EncodedDotDotIsABadRequest) {
  expect_rejected("/%2e%2e/outside/secret.txt", Status::bad_request);
  expect_rejected("/%2E%2e/outside/secret.txt", Status::bad_request);
  expect_rejected("/.%2e/outside/secret.txt", Status::bad_request);
}

TEST_F(StaticFilesSafety, EncodedSlashIsABadRequest) {
  expect_rejected("/..%2foutside%2fsecret.txt", Status::bad_request);
  expect_rejected("/assets%2fapp-AbC123xY.js", Status::bad_request);
}

TEST_F(StaticFilesSafety, DoubleEncodedTraversalIsABadRequest) {
  expect_rejected("/%252e%252e/outside/secret.txt", Status::bad_request);
  expect_rejected("/%252e%252e%252foutside%252fsecret.txt", Status::bad_request);
}

TEST_F(StaticFilesSafety, MalformedEscapeIsABadRequest) {
  expect_rejected("/index.html%", Status::bad_request);
  expect_rejected("/index%zz.html", Status::bad_request);
}

TEST_F(StaticFilesSafety, NulIsABadRequest) {
  expect_rejected("/index.html%00.png", Status::bad_request);
}

TEST_F(StaticFilesSafety, BackslashIsABadRequest) {
  expect_rejected("/..\\outside\\secret.txt", Status::bad_request);
  expect_rejected("/..%5coutside%5csecret.txt", Status::bad_request);
}

TEST_F(StaticFilesSafety, BadRequestErrorIsJson) {
  const Response response = serve("/%2e%2e/x");
  EXPECT_EQ(nlohmann::json::parse(response.body()).at("error"), "malformed path");
}

TEST_F(StaticFilesSafety, SymlinkToAFileOutsideTheRootIsNotServed) {
  expect_rejected("/leak.txt", Status::not_found);
}

TEST_F(StaticFilesSafety, SymlinkedDirectoryOutsideTheRootIsNotEntered) {
  expect_rejected("/linked/secret.txt", Status::not_found);
}

TEST_F(StaticFilesSafety, SymlinkToAFileInsideTheRootIsServed) {
  const Response response = serve("/alias.txt");
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), "User-agent: *\n");
}

TEST_F(StaticFilesSafety, FilesAddedAfterStartAreNotServed) {
  site_.write("late.txt", "late");
  expect_rejected("/late.txt", Status::not_found);
}

TEST_F(StaticFilesSafety, FileChangedAfterStartFailsLoudly) {
  // A replaced build under a running server would serve wrong lengths and ETags otherwise.
  site_.write("robots.txt", "");
  EXPECT_THROW(serve("/robots.txt"), std::runtime_error);
  site_.write("favicon.ico", "a larger icon than before");
  EXPECT_THROW(serve("/favicon.ico"), std::runtime_error);
}

TEST(StaticFilesConstruction, RootWithoutIndexHtmlThrowsNamingIt) {
  TestSite site;
  std::filesystem::remove(site.root() / "index.html");
  try {
    http::StaticFiles files{site.root()};
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string{error.what()}.find("index.html"), std::string::npos) << error.what();
    EXPECT_NE(std::string{error.what()}.find(site.root().string()), std::string::npos);
  }
}

TEST(StaticFilesConstruction, MissingRootThrowsNamingIt) {
  try {
    http::StaticFiles files{"/nonexistent/tmeit-frontend-dist"};
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string{error.what()}.find("tmeit-frontend-dist"), std::string::npos);
  }
}

TEST(StaticFilesConstruction, IndexHtmlReachedOnlyThroughAnOutsideSymlinkDoesNotCount) {
  TestSite site;
  std::filesystem::remove(site.root() / "index.html");
  std::filesystem::create_symlink(site.outside() / "secret.txt", site.root() / "index.html");
  EXPECT_THROW(http::StaticFiles{site.root()}, std::runtime_error);
}

}  // namespace
}  // namespace tmeit::static_files_test
