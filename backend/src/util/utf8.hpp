#pragma once

#include <string_view>

namespace tmeit::util {

/// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF). PostgreSQL refuses anything else in a text parameter, so input that does not come
/// through the JSON parser (which checks this itself) is checked with it before it reaches SQL.
bool is_utf8(std::string_view text);

}  // namespace tmeit::util
