#include "http/server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <thread>
#include <vector>

namespace tmeit::http {

using asio::ip::tcp;
using boost::system::error_code;

Server::Server(asio::io_context& io, const SessionServices& services, app::Lifecycle& lifecycle,
               std::chrono::milliseconds shutdown_grace)
    : io_(io),
      services_(services),
      lifecycle_(lifecycle),
      shutdown_grace_(shutdown_grace),
      acceptor_(io),
      signals_(io, SIGTERM, SIGINT),
      grace_timer_(io) {}

std::uint16_t Server::listen(const std::string& address, std::uint16_t port) {
  const tcp::endpoint endpoint(asio::ip::make_address(address), port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void Server::run(std::size_t threads) {
  signals_.async_wait([this](const error_code& ec, int) {
    if (!ec) on_signal();
  });
  asio::co_spawn(io_, accept_loop(), asio::detached);
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < threads; ++i) pool.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& thread : pool) thread.join();
}

asio::awaitable<void> Server::accept_loop() {
  while (acceptor_.is_open()) {
    error_code ec;
    // Each connection gets its own strand, so its handlers never run concurrently.
    auto socket = co_await acceptor_.async_accept(asio::make_strand(io_),
                                                  asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || lifecycle_.draining()) co_return;
    if (ec) {
      services_.logger.warn("accept failed", {{"error", ec.message()}});
      // Out of file descriptors and similar: back off instead of spinning.
      asio::steady_timer pause(io_, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    start_session(std::move(socket));
  }
}

void Server::start_session(tcp::socket socket) {
  auto session = std::make_shared<Session>(std::move(socket), services_);
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.emplace(session.get(), session);
  }
  auto executor = session->executor();
  asio::co_spawn(executor, session->run(),
                 [this, session](const std::exception_ptr&) { session_ended(session.get()); });
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
  for (auto& session : open) session->drain();
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
    io_.stop();
  });
  stop_if_drained();
}

void Server::stop_if_drained() {
  std::lock_guard lock(sessions_mutex_);
  if (sessions_.empty()) {
    services_.logger.info("all connections drained");
    io_.stop();
  }
}

}  // namespace tmeit::http
