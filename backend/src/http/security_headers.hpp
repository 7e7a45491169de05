#pragma once

#include "http/types.hpp"

#include <string>
#include <string_view>

namespace tmeit::http {

/// The headers every response carries so browsers hold our pages to a strict policy: a
/// Content-Security-Policy without inline script, no framing, no Referer, no powerful browser
/// features, a browsing context group of our own (COOP), no content sniffing, and HSTS when the
/// site is served over https. Built once; applying them costs a few header insertions.
class SecurityHeaders {
 public:
  /// `https`: whether the public address (TMEIT_PUBLIC_URL) is https, so HSTS is sent.
  explicit SecurityHeaders(bool https);

  /// Sets the headers on `response`; a Content-Security-Policy the handler chose (the API docs
  /// page's) is kept.
  void apply(Response& response) const;

 private:
  std::string site_policy_;
  bool https_;
};

/// The site's Content-Security-Policy, with `extra_style_sources` (e.g. a 'sha256-...' of one
/// inline <style>) added to style-src. Scripts only ever come from our own files.
std::string content_security_policy(std::string_view extra_style_sources = {});

}  // namespace tmeit::http
