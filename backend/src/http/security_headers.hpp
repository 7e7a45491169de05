#pragma once

#include "http/types.hpp"

#include <string>
#include <string_view>

namespace tmeit::http {

/// The headers every response carries so browsers hold our pages to a strict policy: a
/// Content-Security-Policy without inline script, no framing, no Referer, no powerful browser
/// features, a browsing context group of our own (COOP), no content sniffing, and HSTS when the
/// site is served over https. Built once as header lines; applying them costs no allocation.
class SecurityHeaders {
 public:
  /// `https`: whether the public address (TMEIT_PUBLIC_URL) is https, so HSTS is sent.
  explicit SecurityHeaders(bool https);

  /// Sets the headers on `response`; a Content-Security-Policy the handler chose (the API docs
  /// page's) is kept. The lines live in this object: it must outlive the response's writing.
  void apply(Response& response) const;

 private:
  std::string lines_;                 // every header, the site's policy first
  std::string lines_without_policy_;  // the same without the policy
};

/// The site's Content-Security-Policy, with `extra_style_sources` (e.g. a 'sha256-...' of one
/// inline <style>) added to style-src. Scripts only ever come from our own files.
std::string content_security_policy(std::string_view extra_style_sources = {});

}  // namespace tmeit::http
