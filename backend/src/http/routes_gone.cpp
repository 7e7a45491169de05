#include "http/errors.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {
namespace {

constexpr const char* migration_gone =
    "gone: moving accounts over from the old website has ended. If you had an account there, "
    "ask a master to add you, then choose a password with \"forgot your password?\"";
constexpr const char* reset_stub_gone =
    "gone: reset a password with PUT /api/v1/reset and {\"email\"}, then PUT "
    "/api/v1/reset/{token} and {\"password\"} with the token from the mail";
constexpr const char* dkim_test_gone =
    "gone: masters send test mails with POST /api/v1/members/send_test_email and {\"to\": "
    "\"<address>\"}";

/// A handler that answers 410 Gone with `reason`, whoever asks.
Handler gone(const char* reason) {
  return [reason](RequestContext& ctx) -> asio::awaitable<Response> {
    co_return error_response(ctx.request, Status::gone, reason);
  };
}

/// A route of the original that we do not keep: a 410 that says why, in the document as
/// deprecated.
Route gone_route(bhttp::verb method, std::string path, std::string operation_id,
                 std::string summary, const char* reason) {
  return {.method = method,
          .path = std::move(path),
          .operation_id = std::move(operation_id),
          .summary = std::move(summary),
          .tag = "gone",
          .access = Access::anyone,
          .handler = gone(reason),
          .responses = {{410, {"gone: the reason says what to do instead", error_schema()}}},
          .deprecated = true};
}

}  // namespace

std::vector<Route> gone_routes() {
  using bhttp::verb;
  const std::string migrations = "/api/v1/migrations/members/";
  return {
      gone_route(verb::get, migrations, "list_member_migrations",
                 "Gone: members moving over from the old website (masters)", migration_gone),
      gone_route(verb::get, migrations + "{uuid}", "get_member_migration",
                 "Gone: one member moving over from the old website", migration_gone),
      gone_route(verb::get, migrations + "{uuid}/admin", "get_member_migration_as_master",
                 "Gone: one member moving over from the old website (masters)", migration_gone),
      gone_route(verb::post, migrations + "{uuid}/migrate", "migrate_member",
                 "Gone: finish moving an account over from the old website", migration_gone),
      gone_route(verb::post, migrations + "{uuid}/send_email", "send_migration_email",
                 "Gone: mail a member their link to move over (masters)", migration_gone),
      gone_route(verb::patch, "/api/v1/members/reset/{uuid}", "reset_member_password_stub",
                 "Gone: the original's unfinished password reset of a member", reset_stub_gone),
      gone_route(verb::post, "/api/v1/send_test_email", "send_dkim_test_email",
                 "Gone: a test mail to a DKIM validator (masters)", dkim_test_gone),
  };
}

}  // namespace tmeit::http
