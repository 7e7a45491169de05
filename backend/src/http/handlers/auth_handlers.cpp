#include "http/handlers/auth_handlers.hpp"

#include "domain/member_fields.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"

#include <algorithm>

namespace tmeit::http {
namespace {

constexpr auto failure_window = std::chrono::minutes(15);

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// A string field of a JSON body; 422 naming it when missing or not a string.
std::string required_string(const nlohmann::json& body, const char* name) {
  const auto found = body.find(name);
  if (found == body.end()) throw invalid_field(name, "is required");
  if (!found->is_string()) throw invalid_field(name, "must be a string");
  return found->get<std::string>();
}

}  // namespace

nlohmann::json token_json(const Authenticator& authenticator, const std::string& login_email) {
  return {
      {"access_token", authenticator.issue_token(login_email)},
      {"token_type", "bearer"},
      {"expires_in",
       std::chrono::duration_cast<std::chrono::seconds>(authenticator.token_lifetime()).count()}};
}

AuthHandlers::AuthHandlers(db::MemberRepository& members, const Authenticator& authenticator,
                           const PasswordService& passwords, LoginLimits limits)
    : members_(members),
      authenticator_(authenticator),
      passwords_(passwords),
      account_failures_(limits.failures_per_account, failure_window),
      address_failures_(limits.failures_per_address, failure_window) {}

void AuthHandlers::refuse_if_throttled(const std::string& account, const std::string& address) {
  auto wait = std::max(account_failures_.blocked_for(account).value_or(std::chrono::seconds(0)),
                       address_failures_.blocked_for(address).value_or(std::chrono::seconds(0)));
  if (wait.count() > 0) {
    throw TooManyRequests(static_cast<int>(wait.count()),
                          "too many failed logins: try again later");
  }
}

asio::awaitable<Response> AuthHandlers::login(RequestContext& ctx) {
  const auto form = form_body(ctx.request);
  nlohmann::json missing = nlohmann::json::object();
  for (const auto* name : {"username", "password"}) {
    if (!form.contains(name) || form.find(name)->second.empty()) missing[name] = "is required";
  }
  if (!missing.empty()) throw ValidationError(missing);
  const std::string& username = form.find("username")->second;
  const std::string account = lower(username);
  refuse_if_throttled(account, ctx.client_address);

  auto member = co_await members_.find_by_email(username);
  std::optional<std::string> hash;
  if (member) hash = member->password_hash;
  const std::string& password = form.find("password")->second;
  auto matches = co_await passwords_.verify(password, hash);
  if (!matches) {
    account_failures_.record(account);
    address_failures_.record(ctx.client_address);
    throw Unauthorized("incorrect email or password");
  }
  account_failures_.clear(account);
  co_return json_response(ctx.request, Status::ok, token_json(authenticator_, member->login_email));
}

asio::awaitable<Response> AuthHandlers::me(RequestContext& ctx) {
  auto member = co_await members_.find_by_short_uuid(ctx.viewer->short_uuid);
  if (!member) throw Unauthorized("token revoked: the member no longer exists");
  const auto viewer = domain::member_viewer_of(ctx.viewer, *member);
  co_return json_response(ctx.request, Status::ok, domain::member_json(*member, viewer));
}

asio::awaitable<Response> AuthHandlers::change_password(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  for (const auto& [name, value] : body.items()) {
    if (name != "current_password" && name != "new_password") {
      throw BadRequest("unknown field: " + name, {{"field", name}});
    }
  }
  auto current = required_string(body, "current_password");
  auto replacement = required_string(body, "new_password");
  auto member = co_await members_.find_by_short_uuid(ctx.viewer->short_uuid);
  if (!member) throw Unauthorized("token revoked: the member no longer exists");
  PasswordService::require_strong(
      replacement, "new_password",
      {member->login_email, member->first_name, member->last_name, member->nickname.value_or("")});
  auto matches = co_await passwords_.verify(current, member->password_hash);
  if (!matches) {
    throw invalid_field("current_password", "is not your current password");
  }
  auto hashed = co_await passwords_.hash(replacement);
  co_await members_.set_password(member->uuid, hashed);
  co_return json_response(ctx.request, Status::ok, token_json(authenticator_, member->login_email));
}

}  // namespace tmeit::http
