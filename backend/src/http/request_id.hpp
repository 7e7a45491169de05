#pragma once

#include <string>
#include <string_view>

namespace tmeit::http {

/// The request id to use: the client's X-Request-Id when it is 1-128 of [A-Za-z0-9._-],
/// else a fresh random one (32 hex digits).
std::string choose_request_id(std::string_view client_value);

}  // namespace tmeit::http
