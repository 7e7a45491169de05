#include "support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

namespace tmeit::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace {

asio::ip::tcp::endpoint loopback(std::uint16_t port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

}  // namespace

template <typename Start>
beast::error_code Connection::run(Start&& start) {
  beast::error_code result = asio::error::would_block;
  stream_.expires_after(timeout_);
  start([&result](beast::error_code ec, std::size_t = 0) { result = ec; });
  io_.restart();
  io_.run();
  return result;
}

Connection::Connection(std::uint16_t port, std::chrono::milliseconds timeout)
    : stream_(io_), timeout_(timeout) {
  auto ec = run([&](auto handler) { stream_.async_connect(loopback(port), handler); });
  if (ec) throw std::runtime_error("connect to port " + std::to_string(port) + ": " + ec.message());
}

Response Connection::request(http::verb method, std::string_view target, const Headers& headers,
                             std::string body) {
  Request request{method, target, 11};
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == http::verb::post || method == http::verb::put ||
      method == http::verb::patch) {
    request.body() = std::move(body);
    request.prepare_payload();
  }
  return send(std::move(request));
}

Response Connection::get(std::string_view target, const Headers& headers) {
  return request(http::verb::get, target, headers);
}

Response Connection::send(Request request) {
  if (request.find(http::field::host) == request.end()) request.set(http::field::host, "127.0.0.1");
  bool head = request.method() == http::verb::head;
  auto ec = run([&](auto handler) { http::async_write(stream_, request, handler); });
  if (ec) throw std::runtime_error("write request: " + ec.message());
  return read_response(head);
}

void Connection::write_raw(std::string_view bytes) {
  auto ec = run([&](auto handler) {
    asio::async_write(stream_, asio::buffer(bytes.data(), bytes.size()), handler);
  });
  if (ec) throw std::runtime_error("write: " + ec.message());
}

Response Connection::read_response(bool to_head_request) {
  http::response_parser<http::string_body> parser;
  parser.skip(to_head_request);
  auto ec = run([&](auto handler) { http::async_read(stream_, buffer_, parser, handler); });
  if (ec == beast::error::timeout) throw Timeout("no response within the timeout");
  if (ec) throw std::runtime_error("read response: " + ec.message());
  return parser.release();
}

Connection::Ending Connection::read_until_close(std::chrono::milliseconds wait) {
  Ending ending;
  ending.data.assign(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  buffer_.consume(buffer_.size());
  auto saved = timeout_;
  timeout_ = wait;
  auto deadline = std::chrono::steady_clock::now() + wait;
  char chunk[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    std::size_t got = 0;
    auto ec = run([&](auto handler) {
      stream_.async_read_some(asio::buffer(chunk),
                              [&got, handler](beast::error_code e, std::size_t n) mutable {
                                got = n;
                                handler(e, n);
                              });
    });
    ending.data.append(chunk, got);
    if (ec == beast::error::timeout) break;
    if (ec) {
      ending.closed = true;  // EOF or a reset: either way the server is gone from this socket
      break;
    }
    timeout_ = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
  }
  timeout_ = saved;
  return ending;
}

std::size_t Connection::available() {
  beast::error_code ec;
  auto waiting = stream_.socket().available(ec);
  return buffer_.size() + (ec ? 0 : waiting);
}

Response fetch(std::uint16_t port, http::verb method, std::string_view target,
               const Headers& headers, std::string body) {
  Connection connection(port);
  return connection.request(method, target, headers, std::move(body));
}

Response get(std::uint16_t port, std::string_view target, const Headers& headers) {
  return fetch(port, http::verb::get, target, headers);
}

bool can_connect(std::uint16_t port) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  beast::error_code ec;
  socket.connect(loopback(port), ec);
  return !ec;
}

std::string header(const Response& response, std::string_view name) {
  auto it = response.find(name);
  return it == response.end() ? std::string() : std::string(it->value());
}

}  // namespace tmeit::test
