#include "http/handlers/email_handlers.hpp"

#include "db/email_repository.hpp"
#include "domain/fields.hpp"
#include "domain/mail_templates.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"

namespace tmeit::http {
namespace {

/// Where the test mail goes: the body's "to" (validated), or the caller when there is no body.
std::string recipient(const RequestContext& ctx) {
  if (ctx.request.body().empty()) return ctx.viewer->login_email;
  const auto body = json_object_body(ctx.request);
  reject_unknown_fields(body, {"to"});
  const auto to = body.find("to");
  if (to == body.end() || to->is_null()) return ctx.viewer->login_email;
  const domain::FieldSpec spec{
      .name = "to", .type = domain::FieldType::email, .min_length = 3, .max_length = 254};
  if (auto problem = domain::field_problem(spec, *to)) throw invalid_field("to", *problem);
  return to->get<std::string>();
}

}  // namespace

asio::awaitable<Response> EmailHandlers::send_test_email(RequestContext& ctx) {
  const auto to = recipient(ctx);
  const auto mail = domain::test_mail(to, ctx.viewer->login_email);
  auto id = co_await db::email_jobs::enqueue(pool_, mail);
  const nlohmann::json answer{{"status", "queued"}, {"to", to}, {"job_id", id}};
  co_return json_response(ctx.request, Status::accepted, answer);
}

}  // namespace tmeit::http
