#pragma once

#include "clients/mailer.hpp"

#include <chrono>
#include <string>

namespace tmeit::clients {

/// Where and how to deliver mail.
struct SmtpSettings {
  std::string url;       ///< smtp://host:port (STARTTLS when offered) or smtps://host:port
  std::string username;  ///< empty: no authentication
  std::string password;  ///< secret: never logged, never in an error message
  std::string from;      ///< mailbox of the From header, e.g. "TMEIT <noreply@tmeit.se>"
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds send_timeout{30000};  ///< the whole SMTP conversation
};

/// Sends each email as one SMTP transaction with libcurl, on the calling thread (it blocks for
/// up to send_timeout). A new connection per mail: the club sends few, and a fresh connection
/// cannot be a stale one.
class SmtpMailer : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);

  void send(const domain::Email& email) override;

 private:
  SmtpSettings settings_;
};

}  // namespace tmeit::clients
