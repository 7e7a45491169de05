#pragma once

#include <string>
#include <string_view>

namespace tmeit::http {

/// The request path as the access log may show it: path segments that carry credentials (the
/// password-reset token of /reset/<token> and /api/v1/reset/<token>) are replaced by "***".
std::string loggable_path(std::string_view path);

}  // namespace tmeit::http
