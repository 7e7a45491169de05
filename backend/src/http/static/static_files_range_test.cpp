// HEAD and byte ranges of StaticFiles::serve.

#include "http/static/test_site.hpp"
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>

namespace tmeit::static_files_test {
namespace {

using http::Response;
using http::Status;
using http::static_assets::testing::get;
using http::static_assets::testing::head;
using http::static_assets::testing::TestSite;
namespace bhttp = boost::beast::http;

constexpr std::string_view app_path = "/assets/app-AbC123xY.js";
const std::string app_size = std::to_string(TestSite::app_js.size());

class StaticFilesRanges : public testing::Test {
 protected:
  Response serve(const http::Request& request) {
    std::optional<Response> response = files_.serve(request);
    if (!response) throw std::runtime_error("serve() declined the request");
    return *std::move(response);
  }
  Response get_range(std::string_view range) {
    return serve(get(app_path, {{bhttp::field::range, range}}));
  }

  TestSite site_;
  http::StaticFiles files_{site_.root()};
};

TEST_F(StaticFilesRanges, HeadSendsGetsHeadersWithoutABody) {
  const Response got = serve(get(app_path));
  const Response response = serve(head(app_path));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_TRUE(response.body().empty());
  for (auto field : {bhttp::field::content_length, bhttp::field::content_type, bhttp::field::etag,
                     bhttp::field::cache_control, bhttp::field::vary}) {
    EXPECT_EQ(response[field], got[field]) << field;
  }
}

TEST_F(StaticFilesRanges, HeadOfACompressedVariantGivesItsLength) {
  const Response response = serve(head(app_path, {{bhttp::field::accept_encoding, "br"}}));
  EXPECT_EQ(response[bhttp::field::content_encoding], "br");
  EXPECT_EQ(response[bhttp::field::content_length], std::to_string(TestSite::app_js_br.size()));
}

TEST_F(StaticFilesRanges, HeadResponseWritesNoBodyOnTheWire) {
  std::ostringstream wire;
  wire << serve(head(app_path));
  const std::string text = wire.str();
  EXPECT_NE(text.find("Content-Length: " + app_size + "\r\n"), std::string::npos);
  EXPECT_TRUE(text.ends_with("\r\n\r\n")) << text;
}

TEST_F(StaticFilesRanges, HeadOfAnUnknownPageIs404WithoutABody) {
  const Response response = serve(head("/no-such-page"));
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_TRUE(response.body().empty());
  EXPECT_EQ(response[bhttp::field::content_length], std::to_string(TestSite::index_html.size()));
}

TEST_F(StaticFilesRanges, ByteRangesAreAdvertised) {
  EXPECT_EQ(serve(get(app_path))[bhttp::field::accept_ranges], "bytes");
}

TEST_F(StaticFilesRanges, ClosedRangeGives206WithContentRange) {
  const Response response = get_range("bytes=0-6");
  EXPECT_EQ(response.result(), Status::partial_content);
  EXPECT_EQ(response.body(), "console");
  EXPECT_EQ(response[bhttp::field::content_range], "bytes 0-6/" + app_size);
  EXPECT_EQ(response[bhttp::field::content_length], "7");
}

TEST_F(StaticFilesRanges, OpenEndedRangeRunsToTheEnd) {
  const Response response = get_range("bytes=8-");
  EXPECT_EQ(response.result(), Status::partial_content);
  EXPECT_EQ(response.body(), TestSite::app_js.substr(8));
}

TEST_F(StaticFilesRanges, SuffixRangeGivesTheLastBytes) {
  const Response response = get_range("bytes=-4");
  EXPECT_EQ(response.result(), Status::partial_content);
  EXPECT_EQ(response.body(), "');\n");
  const auto size = TestSite::app_js.size();
  EXPECT_EQ(response[bhttp::field::content_range],
            "bytes " + std::to_string(size - 4) + "-" + std::to_string(size - 1) + "/" + app_size);
}

TEST_F(StaticFilesRanges, RangeIsServedFromTheIdentityFile) {
  const Response response = serve(get(
      app_path, {{bhttp::field::range, "bytes=0-6"}, {bhttp::field::accept_encoding, "br, gzip"}}));
  EXPECT_EQ(response.result(), Status::partial_content);
  EXPECT_EQ(response.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(response.body(), "console");
  EXPECT_EQ(response[bhttp::field::etag], serve(get(app_path))[bhttp::field::etag]);
}

TEST_F(StaticFilesRanges, UnsatisfiableRangeGives416WithTheSize) {
  const Response response = get_range("bytes=100000-");
  EXPECT_EQ(response.result(), Status::range_not_satisfiable);
  EXPECT_EQ(response[bhttp::field::content_range], "bytes */" + app_size);
}

TEST_F(StaticFilesRanges, MultipleRangesGiveTheWholeFile) {
  const Response response = get_range("bytes=0-1,4-5");
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), TestSite::app_js);
  EXPECT_EQ(response.count(bhttp::field::content_range), 0u);
}

TEST_F(StaticFilesRanges, MalformedRangeGivesTheWholeFile) {
  for (const char* range : {"bytes=5-1", "bytes=x-", "lines=1-2", "bytes"}) {
    EXPECT_EQ(get_range(range).result(), Status::ok) << range;
  }
}

TEST_F(StaticFilesRanges, TwoRangeHeadersGiveTheWholeFile) {
  const Response response = serve(
      get(app_path, {{bhttp::field::range, "bytes=0-1"}, {bhttp::field::range, "bytes=2-3"}}));
  EXPECT_EQ(response.result(), Status::ok);
}

TEST_F(StaticFilesRanges, IfRangeWithAStaleETagGivesTheWholeFile) {
  const Response response = serve(
      get(app_path, {{bhttp::field::range, "bytes=0-6"}, {bhttp::field::if_range, "\"old\""}}));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), TestSite::app_js);
}

TEST_F(StaticFilesRanges, IfRangeWithTheCurrentETagGives206) {
  const std::string etag{serve(get(app_path))[bhttp::field::etag]};
  const Response response =
      serve(get(app_path, {{bhttp::field::range, "bytes=0-6"}, {bhttp::field::if_range, etag}}));
  EXPECT_EQ(response.result(), Status::partial_content);
}

TEST_F(StaticFilesRanges, HeadWithARangeGivesThePartLength) {
  const Response response = serve(head(app_path, {{bhttp::field::range, "bytes=0-6"}}));
  EXPECT_EQ(response.result(), Status::partial_content);
  EXPECT_EQ(response[bhttp::field::content_length], "7");
  EXPECT_TRUE(response.body().empty());
}

TEST_F(StaticFilesRanges, UnknownPageIgnoresRange) {
  const Response response = serve(get("/no-such-page", {{bhttp::field::range, "bytes=0-1"}}));
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response.body(), TestSite::index_html);
}

}  // namespace
}  // namespace tmeit::static_files_test
