#include "http/handlers/reset_handlers.hpp"

#include "db/email_repository.hpp"
#include "db/password_reset_repository.hpp"
#include "db/transaction.hpp"
#include "domain/fields.hpp"
#include "domain/mail_templates.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"
#include "util/base64url.hpp"
#include "util/random.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace tmeit::http {
namespace {

constexpr auto window = std::chrono::hours(1);
constexpr std::size_t token_bytes = 32;
constexpr const char* request_answer =
    "if the email belongs to a member, a reset link is on its way";
constexpr const char* unusable_token =
    "this reset link is unknown, expired or already used: ask for a new one";

/// The stored form of a token: hex SHA-256. Text that no token looks like is std::nullopt.
std::optional<std::string> token_hash(const std::string& token) {
  const auto bytes = util::base64url_decode(token);
  if (!bytes || bytes->size() != token_bytes) return std::nullopt;
  const auto digest = util::sha256(token);
  return util::to_hex(digest);
}

}  // namespace

ResetHandlers::ResetHandlers(db::Pool& pool, db::MemberRepository& members,
                             const PasswordService& passwords, ResetSettings settings)
    : pool_(pool),
      members_(members),
      passwords_(passwords),
      settings_(std::move(settings)),
      email_requests_(settings_.per_email_per_hour, window),
      address_requests_(settings_.per_address_per_hour, window) {}

void ResetHandlers::refuse_if_throttled(const std::string& email, const std::string& address) {
  const auto wait = app::longest_block(email_requests_, email, address_requests_, address);
  if (wait.count() > 0) {
    throw TooManyRequests(static_cast<int>(wait.count()),
                          "too many password reset requests: try again later");
  }
  email_requests_.record(email);
  address_requests_.record(address);
}

asio::awaitable<void> ResetHandlers::send_link(const domain::Member& member) {
  const auto token = util::random_token(token_bytes);
  const auto hash = util::to_hex(util::sha256(token));
  const auto link = settings_.public_url + "/reset/" + token;
  const auto mail = domain::reset_mail(member.login_email, member.first_name, link);
  auto transaction = co_await db::Transaction::begin(pool_);
  co_await db::password_resets::replace(transaction, member.uuid, hash);
  co_await db::email_jobs::enqueue(transaction, mail);
  co_await transaction.commit();
}

asio::awaitable<Response> ResetHandlers::request_reset(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  reject_unknown_fields(body, {"email"});
  const auto email = required_string(body, "email");
  const domain::FieldSpec spec{"email", domain::FieldType::email, false, 3, 254};
  const nlohmann::json email_value = email;
  if (auto problem = domain::field_problem(spec, email_value))
    throw invalid_field("email", *problem);
  refuse_if_throttled(util::to_lower(email), ctx.client_address);
  auto member = co_await members_.find_by_email(email);
  if (member) co_await send_link(*member);
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
