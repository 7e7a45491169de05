#include "http/dispatcher.hpp"

#include "app/blocking_pool.hpp"
#include "db/errors.hpp"
#include "http/auth.hpp"
#include "http/errors.hpp"
#include "http/static_files.hpp"

#include <string>

namespace tmeit::http {
namespace {

std::string allow_header(const std::vector<bhttp::verb>& methods) {
  std::string allow;
  for (auto method : methods) {
    if (!allow.empty()) allow += ", ";
    allow += std::string(bhttp::to_string(method));
  }
  return allow;
}

}  // namespace

Dispatcher::Dispatcher(const Router& router, const StaticFiles* static_files,
                       const Authenticator* authenticator)
    : router_(router), static_files_(static_files), authenticator_(authenticator) {}

std::vector<std::string> Dispatcher::known_routes() const {
  std::vector<std::string> labels{
      std::string(route_labels::method_not_allowed), std::string(route_labels::static_files),
      std::string(route_labels::not_found), std::string(route_labels::invalid)};
  for (const auto& route : router_.routes()) labels.push_back(route.path);
  return labels;
}

std::size_t Dispatcher::body_limit(const Request& head, std::size_t server_limit) const {
  const auto match = router_.match(head.method(), target_path(head.target()));
  if (match.route == nullptr || match.route->max_body_bytes == 0) return server_limit;
  return match.route->max_body_bytes;
}

asio::awaitable<Response> Dispatcher::dispatch(RequestContext& ctx) const {
  // Each failure kind is caught where it is known; the response is built after the failing
  // frame is gone, since a catch block cannot co_await.
  std::optional<Response> failure;
  try {
    co_return co_await route(ctx);
  } catch (const ApiError& error) {
    failure = error_response(ctx.request, error.status(), error.what(), error.detail());
    if (error.retry_after()) {
      failure->set(bhttp::field::retry_after, std::to_string(*error.retry_after()));
    }
    if (error.status() == Status::unauthorized) {
      failure->set(bhttp::field::www_authenticate, "Bearer");
    }
    ctx.error = error.what();
  } catch (const app::PoolSaturated& error) {
    // Every password check (or photo decode) is busy and the queue is full: come back soon.
    ctx.error = error.what();
    failure = error_response(ctx.request, Status::service_unavailable, "server busy, try again");
    failure->set(bhttp::field::retry_after, "1");
  } catch (const db::DbUnavailable& error) {
    ctx.error = std::string("database unavailable: ") + error.what();
    failure = error_response(ctx.request, Status::service_unavailable, "database unavailable");
    failure->set(bhttp::field::retry_after, "1");
  } catch (const std::exception& error) {
    ctx.error = error.what();
    // The client gets the request id to quote, never the internal message.
    constexpr const char* message = "internal server error";
    const nlohmann::json body{
        {"error", message}, {"detail", message}, {"request_id", ctx.request_id}};
    failure = json_response(ctx.request, Status::internal_server_error, body);
  }
  co_return std::move(*failure);
}

asio::awaitable<Response> Dispatcher::route(RequestContext& ctx) const {
  const auto& request = ctx.request;
  const auto path = target_path(request.target());
  auto match = router_.match(request.method(), path);
  if (match.route != nullptr) {
    ctx.route = match.route->path;
    ctx.path_params = std::move(match.params);
    co_await admit(*match.route, ctx);
    co_return co_await match.route->handler(ctx);
  }
  if (!match.allowed.empty()) {
    ctx.route = route_labels::method_not_allowed;
    auto response = error_response(request, Status::method_not_allowed, "method not allowed");
    response.set(bhttp::field::allow, allow_header(match.allowed));
    co_return response;
  }
  if (auto redirect = slash_redirect(request, path)) {
    ctx.route = "slash_redirect";
    co_return std::move(*redirect);
  }
  if (static_files_ != nullptr) {
    ctx.route = route_labels::static_files;
    if (auto response = static_files_->serve(request)) co_return std::move(*response);
  }
  ctx.route = route_labels::not_found;
  co_return error_response(request, Status::not_found, "not found");
}

std::optional<Response> Dispatcher::slash_redirect(const Request& request,
                                                   std::string_view path) const {
  constexpr std::string_view api_prefix = "/api/";
  if (!path.starts_with(api_prefix) || path.size() <= api_prefix.size()) return std::nullopt;
  std::string other(path);
  if (other.ends_with('/')) {
    other.pop_back();
  } else {
    other.push_back('/');
  }
  const auto match = router_.match(request.method(), other);
  if (match.route == nullptr && match.allowed.empty()) return std::nullopt;
  const auto query = request.target().substr(path.size());
  Response response{Status::temporary_redirect, request.version()};
  response.set(bhttp::field::location, other + std::string(query));
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

asio::awaitable<void> Dispatcher::admit(const Route& route, RequestContext& ctx) const {
  if (route.access == Access::anyone) co_return;
  if (authenticator_ == nullptr) throw std::logic_error("route needs a login but none is set up");
  if (route.access == Access::optional_login) {
    // A public page must not break because the browser still sends an expired or revoked token
    // (the original's defect): such a caller gets what the public gets.
    auto viewer = co_await authenticator_->viewer_or_public(ctx.request);
    ctx.viewer = std::move(viewer);
    co_return;
  }
  auto viewer = co_await authenticator_->authenticate(ctx.request);
  ctx.viewer = std::move(viewer);
  if (!ctx.viewer) throw Unauthorized("not logged in");
  const auto role = ctx.viewer->role;
  if (route.access == Access::marshal && !domain::organizes_events(role)) {
    throw Forbidden("only marshals and masters may do this");
  }
  if (route.access == Access::master && role != domain::Role::master) {
    throw Forbidden("only masters may do this");
  }
}

}  // namespace tmeit::http
