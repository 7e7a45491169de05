#pragma once

#include "db/member_repository.hpp"
#include "db/pool.hpp"
#include "db/throttle_repository.hpp"
#include "http/auth.hpp"
#include "http/handlers/password_service.hpp"
#include "http/types.hpp"

namespace tmeit::http {

/// Limits on failed logins, per account and per client address, over 15 minutes.
struct LoginLimits {
  std::size_t failures_per_account;
  std::size_t failures_per_address;
};

/// Logging in (the OAuth2 password flow), who am I, and changing one's password. Failed logins
/// are counted in the database (db::throttles), so every replica shares the limits.
class AuthHandlers {
 public:
  AuthHandlers(db::Pool& pool, db::MemberRepository& members, const Authenticator& authenticator,
               const PasswordService& passwords, LoginLimits limits)
      : pool_(pool),
        members_(members),
        authenticator_(authenticator),
        passwords_(passwords),
        limits_(limits) {}

  /// POST /api/v1/token: form fields username (email) and password → a bearer token.
  asio::awaitable<Response> login(RequestContext& ctx);
  /// GET /api/v1/me: the logged-in member, all fields they may read of themselves.
  asio::awaitable<Response> me(RequestContext& ctx);
  /// POST /api/v1/members/change_password: {current_password, new_password} → a new token
  /// (every older one is revoked).
  asio::awaitable<Response> change_password(RequestContext& ctx);

 private:
  db::Pool& pool_;
  db::MemberRepository& members_;
  const Authenticator& authenticator_;
  const PasswordService& passwords_;
  LoginLimits limits_;
};

/// The token response of the OAuth2 password flow.
nlohmann::json token_json(const Authenticator& authenticator, const std::string& login_email);

}  // namespace tmeit::http
