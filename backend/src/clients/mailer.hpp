#pragma once

#include "domain/email.hpp"

#include <stdexcept>
#include <string>

namespace tmeit::clients {

/// Sending one email failed; the message says why (never credentials or the body).
class MailError : public std::runtime_error {
 public:
  /// `permanent`: trying again cannot help (e.g. the recipient is not an address at all).
  explicit MailError(const std::string& message, bool permanent = false)
      : std::runtime_error(message), permanent_(permanent) {}
  bool permanent() const { return permanent_; }

 private:
  bool permanent_;
};

/// Sends mail. An interface because it is a process boundary tests may swap.
class Mailer {
 public:
  virtual ~Mailer() = default;
  /// Delivers `email` to the mail server, blocking until it accepted or refused it; throws
  /// MailError on failure. Never call it on an Asio I/O thread.
  virtual void send(const domain::Email& email) = 0;
};

}  // namespace tmeit::clients
