#include "http/auth.hpp"

#include "http/errors.hpp"
#include "util/jwt.hpp"

#include <boost/beast/core/string.hpp>

namespace tmeit::http {
namespace {

constexpr std::string_view subject_prefix = "email:";

/// The token of an `Authorization: Bearer <token>` header; empty when there is none.
std::string_view bearer_token(const Request& request) {
  const std::string_view header = request[bhttp::field::authorization];
  if (header.empty()) return {};
  constexpr std::string_view scheme = "bearer ";
  if (header.size() <= scheme.size() || !beast::iequals(header.substr(0, scheme.size()), scheme)) {
    throw Unauthorized("invalid Authorization header: expected a bearer token");
  }
  return header.substr(scheme.size());
}

/// The value of the cookie `name` in a Cookie header ("a=1; access_token=xyz"); empty when
/// absent. Our tokens are base64url and dots, which the SPA's encodeURIComponent leaves alone.
std::string_view cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    auto pair = header.substr(0, end);
    header.remove_prefix(end == std::string_view::npos ? header.size() : end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
  }
  return {};
}

}  // namespace

Authenticator::Authenticator(db::MemberRepository& members, std::string secret,
                             std::chrono::minutes token_lifetime)
    : members_(members), secret_(std::move(secret)), token_lifetime_(token_lifetime) {}

std::string Authenticator::issue_token(const std::string& login_email) const {
  const auto now = std::chrono::system_clock::now();
  return util::sign_jwt({std::string(subject_prefix) + login_email, now, now + token_lifetime_},
                        secret_);
}

asio::awaitable<std::optional<domain::Viewer>> Authenticator::authenticate(
    const Request& request) const {
  const auto token = bearer_token(request);
  if (token.empty()) co_return std::nullopt;
  co_return co_await viewer_of(token);
}

asio::awaitable<domain::Viewer> Authenticator::viewer_of(std::string_view token) const {
  const auto claims = util::verify_jwt(token, secret_, std::chrono::system_clock::now());
  if (!claims || !claims->subject.starts_with(subject_prefix)) {
    throw Unauthorized("invalid or expired token");
  }
  const std::string email = claims->subject.substr(subject_prefix.size());
  const auto member = co_await members_.find_by_email(email);
  if (!member) throw Unauthorized("token revoked: the member no longer exists");
  const auto issued_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(claims->issued_at.time_since_epoch())
          .count();
  if (member->tokens_valid_after_ms && issued_ms < *member->tokens_valid_after_ms) {
    throw Unauthorized("token revoked: log in again");
  }
  co_return domain::Viewer{member->uuid, member->short_uuid, member->login_email,
                           member->role, member->first_name, member->last_name};
}

asio::awaitable<std::optional<domain::Viewer>> Authenticator::viewer_or_public(
    const Request& request) const {
  std::optional<domain::Viewer> viewer;
  try {
    viewer = co_await authenticate(request);
  } catch (const Unauthorized&) {
    viewer.reset();  // the token is no good: answer as to anyone
  }
  co_return viewer;
}

asio::awaitable<std::optional<domain::Viewer>> Authenticator::viewer_from_cookie_or_bearer(
    const Request& request) const {
  if (request.find(bhttp::field::authorization) != request.end()) {
    co_return co_await viewer_or_public(request);
  }
  const auto token = cookie_value(request[bhttp::field::cookie], "access_token");
  std::optional<domain::Viewer> viewer;
  if (token.empty()) co_return viewer;
  try {
    viewer = co_await viewer_of(token);
  } catch (const Unauthorized&) {
    viewer.reset();  // the token is no good: answer as to anyone
  }
  co_return viewer;
}

}  // namespace tmeit::http
