#include "http/static_files.hpp"

#include "http/errors.hpp"
#include "http/static/accept_encoding.hpp"
#include "http/static/byte_range.hpp"
#include "http/static/conditional.hpp"
#include "http/static/request_path.hpp"
#include "http/static/spa_routes.hpp"
#include "util/file_slice.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace tmeit::http {
namespace {

using static_assets::Asset;
using static_assets::ContentCoding;
using static_assets::RangeRequest;
using static_assets::Representation;

constexpr std::string_view cache_immutable = "public, max-age=31536000, immutable";
constexpr std::string_view cache_revalidate = "no-cache";

/// All values of a list header, joined as if sent on one line; nullopt when absent.
std::optional<std::string> list_field(const Request& request, bhttp::field name) {
  const auto [begin, end] = request.equal_range(name);
  if (begin == end) return std::nullopt;
  std::string joined;
  for (auto it = begin; it != end; ++it) {
    if (!joined.empty()) joined += ", ";
    joined += it->value();
  }
  return joined;
}

bool is_head(const Request& request) {
  return request.method() == bhttp::verb::head;
}

/// The byte range to send, if any. Ranges apply to the identity representation only, and an
/// If-Range naming another version asks for the whole file.
RangeRequest requested_range(const Request& request, const Asset& asset) {
  if (request.count(bhttp::field::range) != 1) return {};
  const auto if_range = request.find(bhttp::field::if_range);
  if (if_range != request.end() &&
      !static_assets::if_range_matches(if_range->value(), asset.identity.etag)) {
    return {};
  }
  return static_assets::parse_range(request[bhttp::field::range], asset.identity.size);
}

const Representation& representation(const Asset& asset, ContentCoding coding) {
  switch (coding) {
    case ContentCoding::br:
      return *asset.br;
    case ContentCoding::gzip:
      return *asset.gzip;
    case ContentCoding::identity:
      break;
  }
  return asset.identity;
}

void set_representation_headers(Response& response, const Asset& asset,
                                const Representation& chosen, ContentCoding coding) {
  response.set(bhttp::field::content_type, asset.mime.content_type);
  response.set(bhttp::field::etag, chosen.etag);
  response.set(bhttp::field::cache_control, asset.immutable ? cache_immutable : cache_revalidate);
  response.set(bhttp::field::accept_ranges, "bytes");
  if (asset.varies_by_encoding()) response.set(bhttp::field::vary, "Accept-Encoding");
  if (coding != ContentCoding::identity) {
    response.set(bhttp::field::content_encoding, static_assets::coding_token(coding));
  }
}

Response not_satisfiable(const Request& request, const Asset& asset) {
  Response response =
      error_response(request, Status::range_not_satisfiable, "range not satisfiable");
  response.set(bhttp::field::content_range, "bytes */" + std::to_string(asset.identity.size));
  response.set(bhttp::field::accept_ranges, "bytes");
  return response;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root)
    : root_(std::move(root)), assets_(static_assets::index_assets(root_)) {
  const auto index = assets_.find("/index.html");
  if (index == assets_.end()) {
    throw std::runtime_error("static files: " + root_.string() +
                             " has no index.html (is the frontend built?)");
  }
  index_html_ = &index->second;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  const std::string_view target = request.target();
  if (static_assets::is_api_path(target.substr(0, target.find('?')))) return std::nullopt;
  const auto path = static_assets::decode_request_path(target);
  if (!path) {
    return error_response(request, Status::bad_request, "malformed path");
  }
  if (static_assets::is_api_path(*path)) return std::nullopt;
  if (request.method() != bhttp::verb::get && !is_head(request)) {
    Response response = error_response(request, Status::method_not_allowed, "method not allowed");
    response.set(bhttp::field::allow, "GET, HEAD");
    return response;
  }
  if (const auto asset = assets_.find(*path); asset != assets_.end()) {
    return answer(request, asset->second, Mode::file);
  }
  if (static_assets::is_spa_route(*path)) return answer(request, *index_html_, Mode::file);
  // A missing file is a plain 404: a script tag must not receive HTML.
  if (static_assets::has_file_extension(*path)) {
    return error_response(request, Status::not_found, "not found");
  }
  // The SPA renders its own not-found page; crawlers still see the 404.
  return answer(request, *index_html_, Mode::fallback);
}

Response StaticFiles::answer(const Request& request, const Asset& asset, Mode mode) const {
  const bool conditional = mode == Mode::file;
  const RangeRequest range = conditional ? requested_range(request, asset) : RangeRequest{};
  const bool ranged = range.kind != RangeRequest::Kind::whole;
  const ContentCoding coding =
      ranged ? ContentCoding::identity
             : static_assets::choose_coding(list_field(request, bhttp::field::accept_encoding),
                                            asset.gzip.has_value(), asset.br.has_value());
  const Representation& chosen = representation(asset, coding);

  const auto if_none_match = list_field(request, bhttp::field::if_none_match);
  if (conditional && if_none_match &&
      static_assets::if_none_match_matches(*if_none_match, chosen.etag)) {
    Response response{Status::not_modified, request.version()};
    response.keep_alive(request.keep_alive());
    set_representation_headers(response, asset, chosen, coding);
    return response;
  }
  if (range.kind == RangeRequest::Kind::unsatisfiable) return not_satisfiable(request, asset);

  const bool partial = range.kind == RangeRequest::Kind::partial;
  const Status status = !conditional ? Status::not_found
                        : partial    ? Status::partial_content
                                     : Status::ok;
  Response response{status, request.version()};
  response.keep_alive(request.keep_alive());
  set_representation_headers(response, asset, chosen, coding);
  const std::uint64_t offset = partial ? range.first : 0;
  const std::uint64_t length = partial ? range.length() : chosen.size;
  if (partial) {
    response.set(bhttp::field::content_range, "bytes " + std::to_string(range.first) + "-" +
                                                  std::to_string(range.last) + "/" +
                                                  std::to_string(chosen.size));
  }
  // HEAD: the session drops bodies of HEAD answers; not reading the file is our saving.
  if (!is_head(request)) {
    response.body() = util::read_file_slice(chosen.file, offset, length, chosen.size);
  }
  response.content_length(length);
  return response;
}

}  // namespace tmeit::http
