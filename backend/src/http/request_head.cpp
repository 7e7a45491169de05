#include "http/request_head.hpp"

#include "util/text.hpp"

#include <boost/beast/core/string.hpp>

#include <array>
#include <string>

namespace tmeit::http {
namespace {

/// Bytes a Host value may hold: a reg-name, an IPv4 address or a bracketed IP literal (RFC
/// 3986 §3.2.2), and a port. Anything else (space, '/', '@', controls) means a confused or
/// hostile client.
constexpr std::array<bool, 256> host_bytes = [] {
  std::array<bool, 256> allowed{};
  for (unsigned char c = 'a'; c <= 'z'; ++c) allowed[c] = true;
  for (unsigned char c = 'A'; c <= 'Z'; ++c) allowed[c] = true;
  for (unsigned char c = '0'; c <= '9'; ++c) allowed[c] = true;
  for (unsigned char c : std::string_view("-._~!$&'()*+,;=:%[]")) allowed[c] = true;
  return allowed;
}();

bool is_host(std::string_view value) {
  for (unsigned char c : value) {
    if (!host_bytes[c]) return false;
  }
  return true;
}

/// The problem with the request's Transfer-Encoding, if any; every field line counts, since
/// "gzip" on one line and "chunked" on the next is one list.
std::optional<HeadProblem> check_transfer_encoding(const Request& head) {
  auto [first, last] = head.equal_range(bhttp::field::transfer_encoding);
  if (first == last) return std::nullopt;
  if (head.version() < 11) {
    return HeadProblem{Status::bad_request,
                       "bad request: Transfer-Encoding in an HTTP/1.0 request"};
  }
  std::size_t codings = 0;
  std::string_view final_coding;
  for (auto field = first; field != last; ++field) {
    for (auto coding : bhttp::token_list{field->value()}) {
      ++codings;
      final_coding = coding;
    }
  }
  if (!beast::iequals(final_coding, "chunked")) {
    return HeadProblem{Status::bad_request,
                       "bad request: the Transfer-Encoding does not end in chunked"};
  }
  if (codings > 1) {
    return HeadProblem{Status::not_implemented, "only the chunked transfer coding is supported"};
  }
  return std::nullopt;
}

/// Rewrites an absolute-form target ("http://host/path?q") to origin-form, with its authority as
/// the Host. Returns false when the target has no form we serve.
bool normalise_target(Request& head) {
  const std::string_view target = head.target();
  if (target.starts_with('/')) return true;
  if (target == "*") return head.method() == bhttp::verb::options;
  const auto scheme_end = target.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const auto scheme = target.substr(0, scheme_end);
  if (!beast::iequals(scheme, "http") && !beast::iequals(scheme, "https")) return false;
  const auto rest = target.substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?");
  const auto authority = rest.substr(0, path_start);
  if (authority.empty() || !is_host(authority)) return false;
  std::string origin_form(path_start == std::string_view::npos ? "" : rest.substr(path_start));
  if (!origin_form.starts_with('/')) origin_form.insert(0, "/");
  head.set(bhttp::field::host, authority);
  head.target(origin_form);
  return true;
}

}  // namespace

std::optional<HeadProblem> check_request_head(Request& head) {
  if (auto problem = check_transfer_encoding(head)) return problem;
  const auto hosts = head.count(bhttp::field::host);
  if (hosts > 1) return HeadProblem{Status::bad_request, "bad request: more than one Host header"};
  if (hosts == 0 && head.version() >= 11) {
    return HeadProblem{Status::bad_request, "bad request: no Host header"};
  }
  if (hosts == 1 && !is_host(util::trim_spaces(head[bhttp::field::host]))) {
    return HeadProblem{Status::bad_request, "bad request: invalid Host header"};
  }
  if (head.count(bhttp::field::authorization) > 1) {
    return HeadProblem{Status::bad_request, "bad request: more than one Authorization header"};
  }
  if (!normalise_target(head)) {
    return HeadProblem{Status::bad_request, "bad request: invalid request target"};
  }
  return std::nullopt;
}

}  // namespace tmeit::http
