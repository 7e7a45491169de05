#include "http/security_headers.hpp"

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

SecurityHeaders::SecurityHeaders(bool https)
    : site_policy_(content_security_policy()), https_(https) {}

void SecurityHeaders::apply(Response& response) const {
  // insert, not set: no handler sets these (set would search for each first), and the field
  // names are passed as unknown so Beast does not look each one up among the names it knows.
  const auto add = [&response](std::string_view name, std::string_view value) {
    response.insert(bhttp::field::unknown, name, value);
  };
  if (response.find(csp_name) == response.end()) add(csp_name, site_policy_);
  add("X-Content-Type-Options", "nosniff");
  // Reset links carry their token in the path: no Referer may ever take it elsewhere.
  add("Referrer-Policy", "no-referrer");
  add("Permissions-Policy", permissions_policy);
  add("Cross-Origin-Opener-Policy", "same-origin");
  if (https_) response.insert(bhttp::field::strict_transport_security, hsts);
}

}  // namespace tmeit::http
