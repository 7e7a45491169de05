#include "http/handlers/system_handlers.hpp"

#include "app/build_info.hpp"
#include "db/backup_run_repository.hpp"
#include "db/errors.hpp"
#include "db/schema.hpp"
#include "domain/backup_metrics.hpp"
#include "http/errors.hpp"
#include "http/security_headers.hpp"

namespace tmeit::http {
namespace {

Response text_response(const Request& request, std::string content_type, std::string body) {
  Response response{Status::ok, request.version()};
  response.set(bhttp::field::content_type, content_type);
  response.set(bhttp::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

constexpr const char* docs_page = R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tmeit API</title>
<link rel="icon" href="/swagger-ui/favicon-32x32.png">
<link rel="stylesheet" href="/swagger-ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/swagger-ui/swagger-ui-standalone-preset.js"></script>
<script src="/swagger-ui/swagger-initializer.js"></script>
</body>
</html>
)";

}  // namespace

SystemHandlers::SystemHandlers(db::Pool& pool, const Metrics& metrics,
                               const app::Lifecycle& lifecycle, int required_schema_version)
    : pool_(pool),
      metrics_(metrics),
      lifecycle_(lifecycle),
      required_schema_version_(required_schema_version) {}

asio::awaitable<Response> SystemHandlers::health(RequestContext& ctx) {
  co_return json_response(ctx.request, Status::ok, {{"healthy", true}});
}

asio::awaitable<Response> SystemHandlers::ready(RequestContext& ctx) {
  if (lifecycle_.draining()) co_return not_ready(ctx, "shutting down", {});
  // Only ever `auto x = co_await ...;`: g++ 12 miscompiles co_await results that are assigned
  // or used inside larger expressions (ASan sees a bad free).
  const Readiness readiness = co_await check_database();
  if (!readiness.problem.empty()) co_return not_ready(ctx, readiness.problem, readiness.detail);
  co_return json_response(ctx.request, Status::ok, {{"ready", true}});
}

Response SystemHandlers::not_ready(RequestContext& ctx, const std::string& problem,
                                   const std::string& detail) {
  // The public body says what kind of problem; the database's own words go to the log only.
  ctx.error = detail.empty() ? problem : detail;
  return json_response(ctx.request, Status::service_unavailable,
                       {{"ready", false}, {"error", problem}});
}

asio::awaitable<SystemHandlers::Readiness> SystemHandlers::check_database() {
  const auto now = std::chrono::steady_clock::now();
  Readiness readiness;
  {
    std::lock_guard lock(readiness_mutex_);
    const auto age = now - readiness_checked_at_;
    if (age < readiness_max_age || (readiness_refreshing_ && age < readiness_stale_limit)) {
      readiness = readiness_;
      co_return readiness;
    }
    readiness_refreshing_ = true;
  }
  try {
    const int version = co_await db::current_schema_version(pool_);
    if (version < required_schema_version_) {
      readiness = {"database schema too old",
                   "database schema is at version " + std::to_string(version) + ", need " +
                       std::to_string(required_schema_version_) + ": run `tmeit migrate up`"};
    }
  } catch (const db::DbUnavailable& error) {
    readiness = {"database unavailable", std::string("database unavailable: ") + error.what()};
  } catch (const db::DbError& error) {
    readiness = {"database unavailable", std::string("database error: ") + error.what()};
  }
  {
    std::lock_guard lock(readiness_mutex_);
    readiness_checked_at_ = std::chrono::steady_clock::now();
    readiness_ = readiness;
    readiness_refreshing_ = false;
  }
  co_return readiness;
}

asio::awaitable<Response> SystemHandlers::version(RequestContext& ctx) {
  const int schema_version = co_await db::current_schema_version(pool_);
  co_return json_response(
      ctx.request, Status::ok,
      {{"backend", app::build_info::version}, {"schema_version", schema_version}});
}

asio::awaitable<Response> SystemHandlers::metrics(RequestContext& ctx) {
  std::string body = metrics_.render();
  // Backups run in other processes (CronJobs); their record in the database is read per scrape.
  try {
    domain::render_backup_metrics(body, co_await db::backup_runs::status(pool_));
  } catch (const db::DbUnavailable& error) {
    ctx.error = std::string("backup status: ") + error.what();
  } catch (const db::DbError& error) {
    ctx.error = std::string("backup status: ") + error.what();
  }
  co_return text_response(ctx.request, "text/plain; version=0.0.4; charset=utf-8", std::move(body));
}

asio::awaitable<Response> SystemHandlers::openapi(RequestContext& ctx) {
  auto response = text_response(ctx.request, "application/json", openapi_json_);
  response.set(bhttp::field::cache_control, "no-cache");
  co_return response;
}

asio::awaitable<Response> SystemHandlers::docs(RequestContext& ctx) {
  auto response = text_response(ctx.request, "text/html; charset=utf-8", docs_page);
  // The site's policy, plus the hash of the one inline <style> Swagger UI adds (its logo).
  static const std::string policy =
      content_security_policy("'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");
  response.set("Content-Security-Policy", policy);
  co_return response;
}

}  // namespace tmeit::http
