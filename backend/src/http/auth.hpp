#pragma once

#include "db/member_repository.hpp"
#include "domain/roles.hpp"
#include "http/types.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace tmeit::http {

/// Issues access tokens and turns a request's bearer token back into the member it names.
///
/// Every authenticated request looks the member up again, so a token stops working at once when
/// its member is deleted, or changes password or role (members.tokens_valid_after).
class Authenticator {
 public:
  Authenticator(db::MemberRepository& members, std::string secret,
                std::chrono::minutes token_lifetime);

  /// A signed token for the member with this login email.
  std::string issue_token(const std::string& login_email) const;

  /// How long tokens live, for the token endpoint's `expires_in`.
  std::chrono::minutes token_lifetime() const { return token_lifetime_; }

  /// The viewer named by the request's `Authorization: Bearer` token; std::nullopt when the
  /// request has none. Throws Unauthorized for a malformed, forged, expired or revoked token.
  asio::awaitable<std::optional<domain::Viewer>> authenticate(const Request& request) const;

  /// Like authenticate, but a token that is malformed, forged, expired or revoked counts as no
  /// token: for routes that answer everyone, shaped by who asks.
  asio::awaitable<std::optional<domain::Viewer>> viewer_or_public(const Request& request) const;

  /// Like viewer_or_public, but without a bearer token the `access_token` cookie counts (the
  /// SPA keeps its token there, and an <img> sends cookies, never headers): for photos.
  asio::awaitable<std::optional<domain::Viewer>> viewer_from_cookie_or_bearer(
      const Request& request) const;

 private:
  /// The viewer `token` names; throws Unauthorized when it is no good.
  asio::awaitable<domain::Viewer> viewer_of(std::string_view token) const;

  db::MemberRepository& members_;
  std::string secret_;
  std::chrono::minutes token_lifetime_;
};

}  // namespace tmeit::http
