#pragma once

#include "app/lifecycle.hpp"
#include "app/logger.hpp"
#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "http/security_headers.hpp"
#include "http/types.hpp"

#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace tmeit::http {

/// Limits every connection obeys; see app::Config for their meaning.
struct ConnectionLimits {
  std::size_t max_body_bytes;
  std::size_t max_header_bytes;
  std::chrono::milliseconds request_timeout;
  std::chrono::milliseconds idle_timeout;
  /// Open connections before the server closes idle ones to make room; see Server.
  std::size_t max_connections = 10000;
};

/// What every session shares; owned by the server.
struct SessionServices {
  ConnectionLimits limits;
  const Dispatcher& dispatcher;
  const ClientAddressResolver& client_addresses;
  Metrics& metrics;
  const app::Logger& logger;
  const app::Lifecycle& lifecycle;
  const SecurityHeaders& security_headers;
};

/// A connection's socket, bound to the io_context of its I/O thread (a concrete executor type
/// spares every operation the cost of a type-erased one).
using Socket = asio::basic_stream_socket<asio::ip::tcp, asio::io_context::executor_type>;

/// One HTTP/1.1 connection: reads requests one after another (keep-alive), enforces the
/// limits, answers through the dispatcher, and writes the access log line for each.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Socket socket, const SessionServices& services);

  /// Serves the connection until it closes; never throws.
  asio::awaitable<void> run();

  /// Closes the connection now if it is idle (waiting for a request that has not begun); a busy
  /// one is left alone (while draining, it closes after its response). Safe to call from any
  /// thread.
  void close_if_idle();

  asio::io_context::executor_type executor() { return socket_.get_executor(); }

 private:
  using Parser = bhttp::request_parser<bhttp::string_body>;

  bool waiting_idle() const;
  asio::awaitable<bool> serve_one();
  asio::awaitable<bool> read_request(Parser& parser);
  /// Now that the head is read and its route known: the 413 message when the declared body is
  /// over the route's limit; else sets the parser's limit (and an upload's longer deadline).
  std::optional<std::string> limit_body(Parser& parser);
  /// Answers a request that cannot be served with `status` and closes the connection.
  asio::awaitable<void> reject(unsigned status, std::string_view message);
  asio::awaitable<void> lingering_close();
  void arm_deadline(std::chrono::milliseconds timeout);
  void disarm_deadline();
  void watch();
  void finish(const Request* request, const Response& response, const RequestContext& ctx,
              std::chrono::steady_clock::time_point started);

  Socket socket_;
  beast::flat_buffer buffer_;
  asio::steady_timer timer_;  // the watchdog's tick
  const SessionServices& services_;
  std::chrono::milliseconds watchdog_tick_;
  asio::ip::address peer_;
  std::chrono::steady_clock::time_point deadline_;  // of the current wait, read or write
  bool armed_ = false;
  bool timed_out_ = false;
  bool idle_ = false;
  bool closed_ = false;
};

}  // namespace tmeit::http
