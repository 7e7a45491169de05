#include "http/security_headers.hpp"

#include <initializer_list>
#include <utility>

namespace tmeit::http {
namespace {

constexpr std::string_view csp_name = "Content-Security-Policy";

// Browser features the site never uses; a script that gets in still cannot reach them.
constexpr std::string_view permissions_policy =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()";

// Two years, also for subdomains: a cookie set over plain http on a sibling host cannot then
// shadow the access token cookie.
constexpr std::string_view hsts = "max-age=63072000; includeSubDomains";

}  // namespace

std::string content_security_policy(std::string_view extra_style_sources) {
  std::string policy = "default-src 'self'; script-src 'self'; style-src 'self'";
  if (!extra_style_sources.empty()) {
    policy += ' ';
    policy += extra_style_sources;
  }
  // data: images: Swagger UI's icons. No plugins, no <base> rewriting, forms post only to us,
  // and no page of ours may be framed (clickjacking).
  policy +=
      "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  return policy;
}

namespace {

/// "Name: value\r\n" for each header.
std::string header_lines(
    std::initializer_list<std::pair<std::string_view, std::string_view>> headers) {
  std::string lines;
  for (const auto& [name, value] : headers) {
    lines.append(name).append(": ").append(value).append("\r\n");
  }
  return lines;
}

}  // namespace

SecurityHeaders::SecurityHeaders(bool https) {
  // Reset links carry their token in the path: no Referer may ever take it elsewhere.
  lines_without_policy_ = header_lines({{"X-Content-Type-Options", "nosniff"},
                                        {"Referrer-Policy", "no-referrer"},
                                        {"Permissions-Policy", permissions_policy},
                                        {"Cross-Origin-Opener-Policy", "same-origin"}});
  if (https) lines_without_policy_ += header_lines({{"Strict-Transport-Security", hsts}});
  lines_ = header_lines({{csp_name, content_security_policy()}}) + lines_without_policy_;
}

void SecurityHeaders::apply(Response& response) const {
  // One prebuilt block instead of six fields (http/response_fields.hpp); a policy the handler
  // set itself (the API docs page's) is kept.
  const bool own_policy = response.find(csp_name) != response.end();
  response.set_fixed_lines(own_policy ? lines_without_policy_ : lines_);
}

}  // namespace tmeit::http
