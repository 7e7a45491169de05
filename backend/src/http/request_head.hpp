#pragma once

#include "http/types.hpp"

#include <optional>
#include <string_view>

namespace tmeit::http {

/// Why a request head cannot be served, and the status of the answer. The connection closes
/// after it: when the framing is in doubt, so is every byte after the head.
struct HeadProblem {
  Status status;
  std::string_view message;
};

/// Checks what Beast's parser lets through but RFC 9112 forbids, before the body is read:
/// - a Transfer-Encoding other than exactly `chunked` (§6.1: not ending in chunked is 400;
///   other codings we cannot decode are 501), or any Transfer-Encoding in HTTP/1.0 (§6.1);
/// - a missing Host in HTTP/1.1, more than one Host, or a Host that is not a host[:port] (§3.2);
/// - more than one Authorization (which one would count is anyone's guess);
/// - a request target that is neither origin-form ("/path?query"), absolute-form
///   ("http://host/path", §3.2.2) nor "*".
/// An absolute-form target is rewritten to origin-form, and its authority replaces the Host
/// header, as §3.2.2 requires; so everything after this sees one form only.
std::optional<HeadProblem> check_request_head(Request& head);

}  // namespace tmeit::http
