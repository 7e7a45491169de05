#include "http/server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <csignal>
#include <thread>
#include <vector>

namespace tmeit::http {

using asio::ip::tcp;
using boost::system::error_code;

namespace {

std::deque<asio::io_context> make_contexts(std::size_t count) {
  std::deque<asio::io_context> contexts;
  // Hint 1: each context is run by exactly one thread, so Asio can skip its internal locking.
  for (std::size_t i = 0; i < std::max<std::size_t>(count, 1); ++i) contexts.emplace_back(1);
  return contexts;
}

}  // namespace

Server::Server(std::size_t threads, const SessionServices& services, app::Lifecycle& lifecycle,
               std::chrono::milliseconds shutdown_grace)
    : contexts_(make_contexts(threads)),
      services_(services),
      lifecycle_(lifecycle),
      shutdown_grace_(shutdown_grace),
      acceptor_(contexts_.front()),
      signals_(contexts_.front(), SIGTERM, SIGINT),
      grace_timer_(contexts_.front()) {}

std::uint16_t Server::listen(const std::string& address, std::uint16_t port) {
  const tcp::endpoint endpoint(asio::ip::make_address(address), port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void Server::run() {
  signals_.async_wait([this](const error_code& ec, int) {
    if (!ec) on_signal();
  });
  asio::co_spawn(contexts_.front(), accept_loop(), [this](const std::exception_ptr& error) {
    // Without its accept loop the server takes no new connection: say why, and count it.
    services_.logger.exception("accept loop stopped", error, {{"coroutine", "accept_loop"}});
  });
  std::vector<std::thread> threads;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  for (std::size_t i = 1; i < contexts_.size(); ++i) {
    // Worker contexts may have no connection for a while; they must not return early.
    keep_running.push_back(asio::make_work_guard(contexts_[i]));
    threads.emplace_back([this, i] { contexts_[i].run(); });
  }
  contexts_.front().run();
  for (auto& context : contexts_) context.stop();
  for (auto& thread : threads) thread.join();
}

asio::io_context& Server::next_context() {
  // Round robin; only the accept loop calls this, on context 0's thread.
  auto& context = contexts_[next_context_];
  next_context_ = (next_context_ + 1) % contexts_.size();
  return context;
}

asio::awaitable<void> Server::accept_loop() {
  while (acceptor_.is_open()) {
    error_code ec;
    Socket socket(next_context());
    co_await acceptor_.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || lifecycle_.draining()) co_return;
    if (ec) {
      services_.logger.warn("accept failed", {{"error", ec.message()}});
      // Out of file descriptors and similar: back off instead of spinning.
      asio::steady_timer pause(contexts_.front(), std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    start_session(std::move(socket));
  }
}

bool Server::make_room() {
  const std::size_t soft = services_.limits.max_connections;
  const std::size_t hard = soft + soft / 10;
  std::size_t count = 0;
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(sessions_mutex_);
    count = sessions_.size();
    if (count < soft) return true;
    // Asking every session costs a post each: at most four rounds a second, however many
    // connections arrive meanwhile.
    const auto now = std::chrono::steady_clock::now();
    if (now - last_eviction_ >= std::chrono::milliseconds(250)) {
      last_eviction_ = now;
      for (auto& [raw, weak] : sessions_) {
        if (auto session = weak.lock()) open.push_back(std::move(session));
      }
    }
  }
  if (count >= hard) ++refused_since_log_;
  if (!open.empty()) {
    services_.logger.warn("connection limit reached: closing idle connections",
                          {{"connections", count},
                           {"max_connections", soft},
                           {"refused_since_last_warning", refused_since_log_}});
    refused_since_log_ = 0;
    // An idle keep-alive connection costs its client only a reconnect; busy ones stay.
    for (auto& session : open) session->close_if_idle();
  }
  return count < hard;
}

void Server::start_session(Socket socket) {
  if (!make_room()) {
    // Beyond the hard limit (every connection busy): refuse rather than run out of descriptors.
    error_code ignored;
    socket.close(ignored);
    return;
  }
  auto session = std::make_shared<Session>(std::move(socket), services_);
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.emplace(session.get(), session);
  }
  auto executor = session->executor();
  asio::co_spawn(executor, session->run(), [this, session](const std::exception_ptr& error) {
    services_.logger.exception("connection ended on an exception", error,
                               {{"coroutine", "session"}});
    session_ended(session.get());
  });
}

void Server::session_ended(Session* session) {
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(session);
  }
  if (lifecycle_.draining()) stop_if_drained();
}

void Server::on_signal() {
  services_.logger.info("shutting down: draining connections",
                        {{"grace_ms", shutdown_grace_.count()}});
  lifecycle_.start_draining();
  error_code ec;
  acceptor_.close(ec);
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(sessions_mutex_);
    for (auto& [raw, weak] : sessions_) {
      if (auto session = weak.lock()) open.push_back(std::move(session));
    }
  }
  // Busy ones see the lifecycle draining and close after their response.
  for (auto& session : open) session->close_if_idle();
  grace_timer_.expires_after(shutdown_grace_);
  grace_timer_.async_wait([this](const error_code& timer_ec) {
    if (timer_ec) return;
    std::size_t left = 0;
    {
      std::lock_guard lock(sessions_mutex_);
      left = sessions_.size();
    }
    services_.logger.warn("grace period over: closing remaining connections",
                          {{"connections", left}});
    stop_all();
  });
  stop_if_drained();
}

void Server::stop_if_drained() {
  std::lock_guard lock(sessions_mutex_);
  if (sessions_.empty()) {
    services_.logger.info("all connections drained");
    stop_all();
  }
}

void Server::stop_all() {
  for (auto& context : contexts_) context.stop();
}

}  // namespace tmeit::http
