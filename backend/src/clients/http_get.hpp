#pragma once

#include "domain/alert_path.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace tmeit::clients {

/// A blocking HTTP(S) GET through libcurl: at most `timeout` in all, the body cut at `max_body`
/// bytes. Never throws for network trouble: the reply's `error` says what went wrong. Needs a
/// clients::CurlGlobal made before any thread started.
domain::HttpReply http_get(const std::string& url, std::chrono::milliseconds timeout,
                           std::size_t max_body = std::size_t{1} << 20);

}  // namespace tmeit::clients
