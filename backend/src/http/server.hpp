#pragma once

#include "app/lifecycle.hpp"
#include "app/logger.hpp"
#include "http/session.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tmeit::http {

/// Listens, accepts and runs sessions on I/O threads until SIGTERM/SIGINT, then drains:
/// readiness fails at once, the listener closes, in-flight requests finish within the grace
/// period.
///
/// Open connections are bounded (ConnectionLimits::max_connections): at the limit, idle
/// connections are closed to make room, so idle clients cannot lock others out; 10 % beyond it
/// (everyone busy, e.g. slow clients within their request timeout) new connections are closed at
/// once, so descriptors and memory stay bounded.
///
/// Each I/O thread runs its own io_context and each connection lives on one of them, so a
/// connection's handlers never run concurrently without a strand, and threads do not wake each
/// other for every handler (that cross-thread traffic cost a quarter of /health's throughput).
class Server {
 public:
  Server(std::size_t threads, const SessionServices& services, app::Lifecycle& lifecycle,
         std::chrono::milliseconds shutdown_grace);

  /// Binds and listens; returns the port (useful when asked for port 0).
  std::uint16_t listen(const std::string& address, std::uint16_t port);

  /// Runs the I/O threads until the drain is complete.
  void run();

 private:
  asio::io_context& next_context();
  asio::awaitable<void> accept_loop();
  /// At the connection limit, asks idle sessions to close; false when the new connection must
  /// be refused (10 % beyond the limit, every connection busy).
  bool make_room();
  void start_session(Socket socket);
  void on_signal();
  void session_ended(Session* session);
  void stop_if_drained();
  void stop_all();

  std::deque<asio::io_context> contexts_;  // one per I/O thread; [0] also accepts and signals
  std::size_t next_context_ = 0;
  const SessionServices& services_;
  app::Lifecycle& lifecycle_;
  std::chrono::milliseconds shutdown_grace_;
  asio::ip::tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer grace_timer_;
  std::mutex sessions_mutex_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
  std::chrono::steady_clock::time_point last_eviction_{};  // accept loop only
  std::size_t refused_since_log_ = 0;                      // accept loop only
};

}  // namespace tmeit::http
