#pragma once

#include "http/types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tmeit::http {

/// The strong ETag of a stored version of a record (members and events count versions in the
/// database), with `variant` naming the representation when it depends on who asks.
std::string version_etag(std::int64_t version, std::string_view variant = {});

/// Throws PreconditionFailed (412) when the request has an If-Match header that does not match
/// `current_etag`: the client is about to overwrite a version it has not seen. No If-Match, no
/// condition (clients of the original API send none).
void require_if_match(const Request& request, std::string_view current_etag);

/// `response` with an ETag header.
Response with_etag(Response response, const std::string& etag);

}  // namespace tmeit::http
