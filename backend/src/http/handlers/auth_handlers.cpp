#include "http/handlers/auth_handlers.hpp"

#include "domain/member_fields.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace tmeit::http {
namespace {

constexpr std::chrono::seconds failure_window = std::chrono::minutes(15);

}  // namespace

nlohmann::json token_json(const Authenticator& authenticator, const std::string& login_email) {
  return {
      {"access_token", authenticator.issue_token(login_email)},
      {"token_type", "bearer"},
      {"expires_in",
       std::chrono::duration_cast<std::chrono::seconds>(authenticator.token_lifetime()).count()}};
}

asio::awaitable<Response> AuthHandlers::login(RequestContext& ctx) {
  const auto form = form_body(ctx.request);
  nlohmann::json missing = nlohmann::json::object();
  for (const auto* name : {"username", "password"}) {
    if (!form.contains(name) || form.find(name)->second.empty()) missing[name] = "is required";
  }
  if (!missing.empty()) throw ValidationError(missing);
  const std::string& username = form.find("username")->second;
  // Every attempt is counted before the password is checked, so parallel guesses cannot slip
  // past the limit; a right password takes its count back.
  const db::throttles::Limit account{"login_account", util::to_lower(username),
                                     limits_.failures_per_account, failure_window};
  const db::throttles::Limit address{"login_address", ctx.client_address,
                                     limits_.failures_per_address, failure_window};
  auto attempt = co_await db::throttles::begin_login(pool_, username, account, address);
  if (attempt.wait_seconds > 0) {
    throw TooManyRequests(attempt.wait_seconds, "too many failed logins: try again later");
  }
  std::optional<std::string> hash;
  if (attempt.member) hash = attempt.member->password_hash;
  const std::string& password = form.find("password")->second;
  auto matches = co_await passwords_.verify(password, hash);
  if (!matches) throw Unauthorized("incorrect email or password");
  co_await db::throttles::login_succeeded(pool_, account, address);
  co_return json_response(ctx.request, Status::ok,
                          token_json(authenticator_, attempt.member->login_email));
}

asio::awaitable<Response> AuthHandlers::me(RequestContext& ctx) {
  auto member = co_await members_.find_by_short_uuid(ctx.viewer->short_uuid);
  if (!member) throw Unauthorized("token revoked: the member no longer exists");
  const auto viewer = domain::member_viewer_of(ctx.viewer, *member);
  co_return json_text_response(ctx.request, Status::ok, domain::member_json(*member, viewer));
}

asio::awaitable<Response> AuthHandlers::change_password(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  reject_unknown_fields(body, {"current_password", "new_password"});
  auto current = required_string(body, "current_password");
  auto replacement = required_string(body, "new_password");
  auto member = co_await members_.find_by_short_uuid(ctx.viewer->short_uuid);
  if (!member) throw Unauthorized("token revoked: the member no longer exists");
  PasswordService::require_strong(
      replacement, "new_password",
      {member->login_email, member->first_name, member->last_name, member->nickname.value_or("")});
  auto matches = co_await passwords_.verify(current, member->password_hash);
  if (!matches) {
    // 400 as in the original, naming the field so forms can show it beside it.
    throw BadRequest("current_password: is not your current password",
                     problem_list({{"current_password", "is not your current password"}}));
  }
  auto hashed = co_await passwords_.hash(replacement);
  co_await members_.set_password(member->uuid, hashed);
  co_return json_response(ctx.request, Status::ok, token_json(authenticator_, member->login_email));
}

}  // namespace tmeit::http
