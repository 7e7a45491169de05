#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// Text formats of the S3 REST API: URI encoding, query strings and the XML of its answers.
namespace tmeit::storage::s3_text {

/// RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ (and '/'
/// when `keep_slash`), upper-case hex.
std::string uri_encode(std::string_view text, bool keep_slash);

/// A query string in SigV4's canonical form: names and values encoded, sorted by name, "name="
/// for an empty value. libcurl signs the query as it is sent, so it must be sent like this.
std::string canonical_query(std::vector<std::pair<std::string, std::string>> params);

/// The text of every <tag>...</tag> in `xml`, in order, with the five XML entities and numeric
/// character references decoded. Enough for S3's flat answers; not a general XML parser.
std::vector<std::string> xml_values(std::string_view xml, std::string_view tag);

/// The first <tag> value, or "" when there is none.
std::string xml_value(std::string_view xml, std::string_view tag);

/// The raw inner text of every <tag>...</tag> block (undecoded), for nested elements.
std::vector<std::string_view> xml_blocks(std::string_view xml, std::string_view tag);

/// ISO 8601 UTC with seconds, as x-amz-object-lock-retain-until-date wants it.
std::string iso8601(std::chrono::system_clock::time_point time);

}  // namespace tmeit::storage::s3_text
