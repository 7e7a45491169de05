#include "http/session.hpp"

#include "http/errors.hpp"
#include "http/log_redaction.hpp"
#include "http/request_head.hpp"
#include "http/request_id.hpp"
#include "http/security_headers.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace tmeit::http {
namespace {

using boost::system::error_code;
constexpr auto use_awaitable = asio::use_awaitable;

/// Errors that mean the client went away; nothing to answer.
bool is_disconnect(const error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
         ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe || ec == asio::error::operation_aborted;
}

/// The status a failed read earns, or 0 when the connection just closes.
unsigned status_for_read_error(const error_code& ec) {
  if (ec == beast::error::timeout) return 408;
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (is_disconnect(ec)) return 0;
  return 400;
}

const char* message_for(unsigned status) {
  switch (status) {
    case 408:
      return "request timeout: the request was not received in time";
    case 431:
      return "request header fields too large";
    case 413:
      return "request body too large";
    default:
      return "bad request: malformed HTTP";
  }
}

/// How often a connection checks its deadline: a quarter of the shortest timeout, so a deadline
/// is kept to within 25 %, but at least every second.
std::chrono::milliseconds watchdog_tick(const ConnectionLimits& limits) {
  const auto shortest = std::min(limits.request_timeout, limits.idle_timeout);
  return std::clamp(shortest / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
}

/// The time an upload's body may take to arrive when the request timeout is shorter: a 15 MB
/// photo from a phone on a slow link (1 Mbit/s) needs two minutes.
constexpr std::chrono::milliseconds upload_timeout{120000};

bool expects_continue(const Request& request) {
  return beast::iequals(request[bhttp::field::expect], "100-continue");
}

}  // namespace

Session::Session(Socket socket, const SessionServices& services)
    : socket_(std::move(socket)),
      timer_(socket_.get_executor()),
      services_(services),
      watchdog_tick_(watchdog_tick(services.limits)) {
  error_code ec;
  auto endpoint = socket_.remote_endpoint(ec);
  if (!ec) peer_ = endpoint.address();
}

void Session::close_if_idle() {
  asio::post(socket_.get_executor(), [self = shared_from_this()] {
    if (self->waiting_idle()) self->socket_.cancel();
  });
}

bool Session::waiting_idle() const {
  return idle_ && buffer_.size() == 0;
}

asio::awaitable<void> Session::run() {
  watch();
  try {
    // A pipelined request already in the buffer is served even while draining.
    while (buffer_.size() > 0 || !services_.lifecycle.draining()) {
      if (!co_await serve_one()) break;
    }
  } catch (const std::exception& error) {
    services_.logger.exception("connection failed", {{"error", error.what()}});
  }
  closed_ = true;
  timer_.cancel();
  error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

void Session::arm_deadline(std::chrono::milliseconds timeout) {
  timed_out_ = false;
  deadline_ = std::chrono::steady_clock::now() + timeout;
  armed_ = true;
}

void Session::disarm_deadline() {
  armed_ = false;
}

void Session::watch() {
  // Not beast::tcp_stream's timeouts: they close the socket, and a slow client is owed a 408.
  // Nor a timer per read: setting and cancelling timers twice a request cost more than the
  // request. The deadline is a plain time point; this watchdog checks it every tick.
  timer_.expires_after(watchdog_tick_);
  timer_.async_wait([self = shared_from_this()](const error_code& ec) {
    if (ec || self->closed_) return;
    if (self->idle_ && self->buffer_.size() > 0) {
      // The first bytes of a request arrived: it now has the request timeout to finish.
      self->idle_ = false;
      self->arm_deadline(self->services_.limits.request_timeout);
    }
    if (self->armed_ && std::chrono::steady_clock::now() >= self->deadline_) {
      self->armed_ = false;
      self->timed_out_ = true;
      self->socket_.cancel();
    }
    self->watch();
  });
}

asio::awaitable<bool> Session::read_request(Parser& parser) {
  parser.header_limit(static_cast<std::uint32_t>(services_.limits.max_header_bytes));
  // No limit while the header is read: the route, and so its limit, is known only then, and
  // limit_body applies it before a byte of the body is read. (Not boost::none: Beast 1.74
  // compares a Content-Length with it as if it were a limit of 0.)
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  // No separate wait for readability first: reading at once saves a system call per request.
  // Until the first byte the connection is idle, under the idle timeout, and may be drained.
  idle_ = buffer_.size() == 0;
  arm_deadline(idle_ ? services_.limits.idle_timeout : services_.limits.request_timeout);
  error_code ec;
  co_await bhttp::async_read_header(socket_, buffer_, parser,
                                    asio::redirect_error(use_awaitable, ec));
  if (ec && !parser.got_some() && buffer_.size() == 0) {
    idle_ = false;
    disarm_deadline();
    co_return false;  // an idle connection that timed out, was drained or closed: no answer
  }
  // Unless the watchdog already switched it, the rest now runs under the request timeout.
  if (idle_ && !ec) arm_deadline(services_.limits.request_timeout);
  idle_ = false;
  if (!ec) {
    if (const auto problem = check_request_head(parser.get())) {
      // Before the body: with its framing in doubt, no byte after the head is read as ours.
      disarm_deadline();
      co_await reject(static_cast<unsigned>(problem->status), problem->message);
      co_return false;
    }
  }
  if (!ec && !parser.is_done()) {
    // Before a byte of the body is read, and before a 100 Continue invites it.
    if (const auto too_large = limit_body(parser)) {
      disarm_deadline();
      co_await reject(413, *too_large);
      co_return false;
    }
    if (expects_continue(parser.get())) {
      Response go_on{Status::continue_, parser.get().version()};
      co_await bhttp::async_write(socket_, go_on, asio::redirect_error(use_awaitable, ec));
    }
    if (!ec) {
      co_await bhttp::async_read(socket_, buffer_, parser, asio::redirect_error(use_awaitable, ec));
    }
  }
  disarm_deadline();
  if (ec) {
    const unsigned status =
        status_for_read_error(timed_out_ ? error_code(beast::error::timeout) : ec);
    if (status != 0) co_await reject(status, message_for(status));
    co_return false;
  }
  co_return true;
}

std::optional<std::string> Session::limit_body(Parser& parser) {
  const auto limit = services_.dispatcher.body_limit(parser.get(), services_.limits.max_body_bytes);
  if (const auto length = parser.content_length(); length && *length > limit) {
    return "request body too large: this route takes at most " +
           std::to_string(std::max<std::size_t>(limit >> 20, 1)) + " MB";
  }
  parser.body_limit(limit);  // a chunked body stops there
  if (limit > services_.limits.max_body_bytes) {
    arm_deadline(std::max(services_.limits.request_timeout, upload_timeout));
  }
  return std::nullopt;
}

asio::awaitable<bool> Session::serve_one() {
  Parser parser;
  if (!co_await read_request(parser)) co_return false;
  const auto started = std::chrono::steady_clock::now();
  const Request& request = parser.get();
  RequestContext ctx{request,
                     choose_request_id(request["X-Request-Id"]),
                     services_.client_addresses.resolve(peer_, request["X-Forwarded-For"]),
                     {},
                     {}};
  Response response = co_await services_.dispatcher.dispatch(ctx);
  response.set("X-Request-Id", ctx.request_id);
  services_.security_headers.apply(response);
  if (services_.lifecycle.draining()) response.keep_alive(false);
  if (request.method() == bhttp::verb::head && !response.body().empty()) {
    // HEAD gets the GET headers, Content-Length included, and no body.
    const auto length = response.body().size();
    response.body().clear();
    response.content_length(length);
  }
  error_code ec;
  arm_deadline(services_.limits.request_timeout);
  co_await bhttp::async_write(socket_, response, asio::redirect_error(use_awaitable, ec));
  disarm_deadline();
  finish(&request, response, ctx, started);
  co_return !ec && response.keep_alive();
}

asio::awaitable<void> Session::reject(unsigned status, std::string_view message) {
  const auto started = std::chrono::steady_clock::now();
  Request unknown;  // the request could not be read; answer as HTTP/1.1 and close
  unknown.version(11);
  unknown.keep_alive(false);
  Response response = error_response(unknown, static_cast<Status>(status), message);
  response.keep_alive(false);
  RequestContext ctx{unknown, choose_request_id({}), peer_.to_string(), {}, route_labels::invalid};
  response.set("X-Request-Id", ctx.request_id);
  services_.security_headers.apply(response);
  error_code ec;
  arm_deadline(services_.limits.request_timeout);
  co_await bhttp::async_write(socket_, response, asio::redirect_error(use_awaitable, ec));
  disarm_deadline();
  finish(nullptr, response, ctx, started);
  if (!ec) co_await lingering_close();
}

asio::awaitable<void> Session::lingering_close() {
  // Closing with unread input makes the kernel send a reset, which can destroy the error
  // response before the client reads it; so stop sending and swallow input for a second.
  error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  std::array<char, std::size_t{16} * 1024> sink{};
  std::size_t discarded = 0;
  arm_deadline(std::chrono::seconds(1));
  while (!ec && discarded < std::size_t{16} * 1024 * 1024) {
    discarded += co_await socket_.async_read_some(asio::buffer(sink),
                                                  asio::redirect_error(use_awaitable, ec));
  }
  disarm_deadline();
}

void Session::finish(const Request* request, const Response& response, const RequestContext& ctx,
                     std::chrono::steady_clock::time_point started) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const unsigned status = response.result_int();
  const std::string method =
      request != nullptr ? std::string(request->method_string()) : std::string("-");
  services_.metrics.observe_request(method, ctx.route, status, seconds);
  const auto path = request != nullptr ? loggable_path(target_path(request->target())) : "-";
  if (status >= 500) {
    const nlohmann::json fields{{"request_id", ctx.request_id},
                                {"route", ctx.route},
                                {"path", path},
                                {"status", status},
                                {"error", ctx.error}};
    // Only the dispatcher's catch-all answers 500; other 5xx are known conditions (503).
    if (status == 500) {
      services_.logger.exception("server error", fields);
    } else {
      services_.logger.error("server error", fields);
    }
  }
  if (!services_.logger.enabled(app::LogLevel::info)) return;
  // Built by hand: this line is written for every request. Only the path comes from the client
  // unchecked; method, route, request id and address are tokens we validated or made.
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, R"("status":%u,"duration_ms":%.2f,"bytes":%zu)", status,
                seconds * 1000.0, response.body().size());
  std::string fields;
  fields.reserve(256 + path.size());
  fields += R"("method":")" + method + R"(","route":)";
  fields += nlohmann::json(ctx.route).dump();
  fields += R"(,"path":)";
  fields += nlohmann::json(path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  fields += R"(,"request_id":")" + ctx.request_id + R"(","client":")" + ctx.client_address + "\",";
  fields += numbers;
  services_.logger.log_preformatted(app::LogLevel::info, "request", fields);
}

}  // namespace tmeit::http
