#include "http/handlers/sign_up_handlers.hpp"

#include "db/email_repository.hpp"
#include "db/errors.hpp"
#include "db/member_audit_repository.hpp"
#include "db/throttle_repository.hpp"
#include "domain/mail_templates.hpp"
#include "domain/member_fields.hpp"
#include "domain/sign_up_fields.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"
#include "util/uuid.hpp"

#include <array>

namespace tmeit::http {
namespace {

constexpr const char* email_taken_message = "this email is already a member or has signed up";

/// The validated form, or 400 naming an unknown field / 422 with every invalid value.
domain::SignUpForm parse_form(const nlohmann::json& body) {
  domain::SignUpForm form;
  throw_problems(domain::sign_up_from_json(body, form));
  return form;
}

/// The uuid path parameter; text that is no uuid cannot name a sign-up, so it is a 404 before
/// any SQL sees it.
const std::string& uuid_or_404(const RequestContext& ctx) {
  const auto& uuid = ctx.path_params.at("uuid");
  if (!util::is_uuid(uuid)) throw NotFound("no such sign-up");
  return uuid;
}

bool is_email_conflict(const db::DbError& error) {
  return error.is_unique_violation() && (error.constraint() == "sign_ups_email_key" ||
                                         error.constraint() == "members_login_email_key");
}

}  // namespace

asio::awaitable<void> SignUpHandlers::refuse_if_too_many(const std::string& client_address) {
  const std::array limits{db::throttles::Limit{
      "sign_up_address", client_address, settings_.per_address_per_hour, std::chrono::hours(1)}};
  const auto wait = co_await db::throttles::take(pool_, limits);
  if (wait > 0) throw TooManyRequests(wait, "too many sign-ups from your address: try again later");
}

asio::awaitable<Response> SignUpHandlers::create_sign_up(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  const auto form = parse_form(body);
  const std::vector<std::string> user_inputs{form.email, form.first_name, form.last_name,
                                             form.nickname.value_or("")};
  PasswordService::require_strong(form.password, "password", user_inputs);
  co_await refuse_if_too_many(ctx.client_address);
  auto taken = co_await sign_ups_.email_taken(form.email);
  if (taken) throw Conflict(email_taken_message);

  domain::SignUp sign_up;
  sign_up.email = form.email;
  sign_up.first_name = form.first_name;
  sign_up.nickname = form.nickname;
  sign_up.last_name = form.last_name;
  sign_up.phone = form.phone;
  auto hashed = co_await passwords_.hash(form.password);
  sign_up.password_hash = hashed;
  try {
    auto transaction = co_await db::Transaction::begin(pool_);
    auto stored = co_await sign_ups_.create(transaction, sign_up, ctx.client_address);
    const auto mail = domain::sign_up_received_mail(stored.email, stored.first_name, stored.uuid);
    co_await db::email_jobs::enqueue(transaction, mail);
    co_await transaction.commit();
    // 200, not 201: the original's join form treats anything but 200 as a failure.
    co_return json_response(ctx.request, Status::ok, domain::sign_up_json(stored));
  } catch (const db::DbError& error) {
    if (!is_email_conflict(error)) throw;
  }
  throw Conflict(email_taken_message);
}

asio::awaitable<Response> SignUpHandlers::list_sign_ups(RequestContext& ctx) {
  auto sign_ups = co_await sign_ups_.list();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& sign_up : sign_ups) out.push_back(domain::pending_sign_up_json(sign_up));
  co_return json_response(ctx.request, Status::ok, out);
}

asio::awaitable<Response> SignUpHandlers::get_sign_up(RequestContext& ctx) {
  const auto& uuid = uuid_or_404(ctx);
  auto sign_up = co_await sign_ups_.find(uuid);
  if (!sign_up) throw NotFound("no such sign-up: it was approved, deleted or never sent");
  co_return json_response(ctx.request, Status::ok, domain::sign_up_status_json(*sign_up));
}

asio::awaitable<Response> SignUpHandlers::approve_sign_up(RequestContext& ctx) {
  const auto& uuid = uuid_or_404(ctx);
  try {
    // The audit log records the new member as added by this master.
    auto transaction = co_await db::member_audit::begin_as(pool_, ctx.viewer->uuid);
    auto member = co_await sign_ups_.approve(transaction, uuid);
    if (!member) {
      co_await transaction.rollback();
      throw NotFound("no such sign-up");
    }
    const auto mail =
        domain::welcome_mail(member->login_email, member->first_name, settings_.public_url);
    co_await db::email_jobs::enqueue(transaction, mail);
    co_await transaction.commit();
    co_return json_text_response(ctx.request, Status::ok,
                                 domain::member_json(*member, domain::MemberViewer::master));
  } catch (const db::DbError& error) {
    if (!is_email_conflict(error)) throw;
  }
  throw Conflict("a member with this email already exists; delete the sign-up instead");
}

asio::awaitable<Response> SignUpHandlers::delete_sign_up(RequestContext& ctx) {
  const auto& uuid = uuid_or_404(ctx);
  auto removed = co_await sign_ups_.remove(uuid);
  if (!removed) throw NotFound("no such sign-up");
  co_return no_content_response(ctx.request);
}

}  // namespace tmeit::http
