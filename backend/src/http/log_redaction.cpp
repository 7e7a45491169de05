#include "http/log_redaction.hpp"

#include <array>

namespace tmeit::http {
namespace {

/// Prefixes whose next path segment is a secret.
constexpr std::array<std::string_view, 2> secret_prefixes = {"/reset/", "/api/v1/reset/"};

}  // namespace

std::string loggable_path(std::string_view path) {
  for (auto prefix : secret_prefixes) {
    if (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix) {
      const auto rest = path.substr(prefix.size());
      const auto slash = rest.find('/');
      std::string redacted(prefix);
      redacted += "***";
      if (slash != std::string_view::npos) redacted += rest.substr(slash);
      return redacted;
    }
  }
  return std::string(path);
}

}  // namespace tmeit::http
