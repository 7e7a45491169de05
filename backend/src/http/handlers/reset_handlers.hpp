#pragma once

#include "app/rate_limiter.hpp"
#include "db/member_repository.hpp"
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
  std::string public_url;  // base of the link in the mail, no trailing slash
};

/// Password reset by email: asking for a link, and setting a new password with it.
class ResetHandlers {
 public:
  ResetHandlers(db::Pool& pool, db::MemberRepository& members, const PasswordService& passwords,
                ResetSettings settings);

  /// PUT /api/v1/reset {email}: always the same 202, whether or not the email is a member's.
  asio::awaitable<Response> request_reset(RequestContext& ctx);
  /// PUT /api/v1/reset/{token} {password}: sets the password once per token.
  asio::awaitable<Response> reset_password(RequestContext& ctx);

 private:
  void refuse_if_throttled(const std::string& email, const std::string& address);
  asio::awaitable<void> send_link(const domain::Member& member);

  db::Pool& pool_;
  db::MemberRepository& members_;
  const PasswordService& passwords_;
  ResetSettings settings_;
  app::RateLimiter email_requests_;
  app::RateLimiter address_requests_;
};

}  // namespace tmeit::http
