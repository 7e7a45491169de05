#include "http/handlers/reset_handlers.hpp"

#include "db/password_reset_repository.hpp"
#include "db/password_reset_request_repository.hpp"
#include "db/throttle_repository.hpp"
#include "db/transaction.hpp"
#include "domain/fields.hpp"
#include "domain/reset_token.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"
#include "util/base64url.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

#include <array>

namespace tmeit::http {
namespace {

constexpr std::chrono::seconds window = std::chrono::hours(1);
constexpr const char* request_answer =
    "if the email belongs to a member, a reset link is on its way";
constexpr const char* unusable_token =
    "this reset link is unknown, expired or already used: ask for a new one";

/// The stored form of a token: hex SHA-256. Text that no token looks like is std::nullopt.
std::optional<std::string> token_hash(const std::string& token) {
  const auto bytes = util::base64url_decode(token);
  if (!bytes || bytes->size() != domain::reset_token_bytes) return std::nullopt;
  const auto digest = util::sha256(token);
  return util::to_hex(digest);
}

}  // namespace

asio::awaitable<Response> ResetHandlers::request_reset(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  reject_unknown_fields(body, {"email"});
  const auto email = required_string(body, "email");
  const domain::FieldSpec spec{
      .name = "email", .type = domain::FieldType::email, .min_length = 3, .max_length = 254};
  const nlohmann::json email_value = email;
  if (auto problem = domain::field_problem(spec, email_value))
    throw invalid_field("email", *problem);
  // From here on the work is the same whether or not the email is a member's.
  const std::array limits{db::throttles::Limit{"reset_email", util::to_lower(email),
                                               settings_.per_email_per_hour, window},
                          db::throttles::Limit{"reset_address", ctx.client_address,
                                               settings_.per_address_per_hour, window}};
  const auto wait = co_await db::throttles::take(pool_, limits);
  if (wait > 0) {
    throw TooManyRequests(wait, "too many password reset requests: try again later");
  }
  co_await db::password_reset_requests::enqueue(pool_, email);
  const nlohmann::json answer{{"status", request_answer}};
  // 200 whatever the email: the original's clients test for 200, and the answer must not tell.
  co_return json_response(ctx.request, Status::ok, answer);
}

asio::awaitable<Response> ResetHandlers::reset_password(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  reject_unknown_fields(body, {"password"});
  const auto password = required_string(body, "password");
  const auto hash = token_hash(ctx.path_params.at("token"));
  if (!hash) throw NotFound(unusable_token);
  auto member = co_await db::password_resets::find_member(pool_, *hash);
  if (!member) throw NotFound(unusable_token);
  const std::vector<std::string> user_inputs{member->login_email, member->first_name,
                                             member->last_name, member->nickname.value_or("")};
  PasswordService::require_strong(password, "password", user_inputs);
  auto hashed = co_await passwords_.hash(password);
  auto transaction = co_await db::Transaction::begin(pool_);
  auto changed = co_await db::password_resets::consume(transaction, *hash, hashed);
  if (!changed) {
    co_await transaction.rollback();
    throw NotFound(unusable_token);
  }
  co_await transaction.commit();
  const nlohmann::json answer{{"status", "password changed"}};
  co_return json_response(ctx.request, Status::ok, answer);
}

}  // namespace tmeit::http
