#pragma once

#include <optional>
#include <string>

namespace tmeit::domain {

/// One outgoing email as the application writes it; the worker adds From, Date and Message-ID.
struct Email {
  std::string recipient;  ///< a bare address, e.g. "someone@example.org"
  std::string subject;    ///< UTF-8, one line
  std::string body_text;  ///< UTF-8 plain text, always present (some readers show nothing else)
  std::optional<std::string> body_html;  ///< UTF-8 HTML alternative, optional
};

}  // namespace tmeit::domain
