#pragma once

#include <string_view>

namespace tmeit::http::static_assets {

/// Whether an If-None-Match header matches `etag` (a quoted strong ETag): `*`, or a list that
/// holds it, compared weakly as RFC 9110 asks (a `W/` prefix is ignored). A malformed header
/// matches nothing, so the client just gets the full answer.
bool if_none_match_matches(std::string_view header, std::string_view etag);

/// Whether an If-Match header matches `etag` (a quoted strong ETag): `*`, or a list that holds
/// it, compared strongly as RFC 9110 asks (a weak `W/` tag never matches). A malformed header
/// matches nothing.
bool if_match_matches(std::string_view header, std::string_view etag);

/// Whether an If-Range header lets a Range apply: only the same strong ETag. Dates never match
/// since we send no Last-Modified.
bool if_range_matches(std::string_view header, std::string_view etag);

}  // namespace tmeit::http::static_assets
