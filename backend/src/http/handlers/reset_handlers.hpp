#pragma once

#include "db/pool.hpp"
#include "http/handlers/password_service.hpp"
#include "http/types.hpp"

#include <cstddef>
#include <string>

namespace tmeit::http {

/// Settings of the password reset handlers, from the config.
struct ResetSettings {
  std::size_t per_email_per_hour;
  std::size_t per_address_per_hour;
};

/// Password reset by email: asking for a link, and setting a new password with it.
class ResetHandlers {
 public:
  ResetHandlers(db::Pool& pool, const PasswordService& passwords, ResetSettings settings)
      : pool_(pool), passwords_(passwords), settings_(std::move(settings)) {}

  /// PUT /api/v1/reset {email}: always the same 202 after the same work, whether or not the
  /// email is a member's: the request is queued, and the worker makes the token and the mail.
  asio::awaitable<Response> request_reset(RequestContext& ctx);
  /// PUT /api/v1/reset/{token} {password}: sets the password once per token.
  asio::awaitable<Response> reset_password(RequestContext& ctx);

 private:
  db::Pool& pool_;
  const PasswordService& passwords_;
  ResetSettings settings_;
};

}  // namespace tmeit::http
