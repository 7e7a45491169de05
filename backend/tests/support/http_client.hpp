#pragma once

// <utility> before Asio/Beast: Boost 1.74 with g++ 12 needs it for its coroutine support.
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::test {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
using Headers = std::vector<std::pair<std::string, std::string>>;
using namespace std::chrono_literals;

/// Thrown when the server does not answer within the connection's timeout.
class Timeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One client TCP connection to the server on 127.0.0.1. Every operation has a timeout, so a
/// hanging server fails a test instead of hanging the suite. Keeps the connection open between
/// requests (keep-alive) and can also send arbitrary bytes.
class Connection {
 public:
  /// The timeout is generous: an ASan build hashing passwords (64 MiB argon2) on a loaded
  /// 2-core machine takes seconds per request.
  explicit Connection(std::uint16_t port, std::chrono::milliseconds timeout = 30s);

  /// Sends one request and reads its response.
  Response request(http::verb method, std::string_view target, const Headers& headers = {},
                   std::string body = {});
  Response get(std::string_view target, const Headers& headers = {});
  /// Sends `request` (adding Host when missing) and reads the response.
  Response send(Request request);

  /// Writes bytes exactly as given.
  void write_raw(std::string_view bytes);
  /// Reads one response (a HEAD response has no body).
  Response read_response(bool to_head_request = false);

  struct Ending {
    bool closed = false;  ///< the server closed (EOF or reset) rather than the wait timing out
    std::string data;     ///< bytes that arrived before that
  };
  /// Reads until the server closes the connection or `wait` passes.
  Ending read_until_close(std::chrono::milliseconds wait);

  /// Bytes that have arrived and wait to be read (without reading them).
  std::size_t available();

  void set_timeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }

 private:
  template <typename Start>
  boost::beast::error_code run(Start&& start);

  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::chrono::milliseconds timeout_;
};

/// One request on a fresh connection.
Response fetch(std::uint16_t port, http::verb method, std::string_view target,
               const Headers& headers = {}, std::string body = {});
Response get(std::uint16_t port, std::string_view target, const Headers& headers = {});

/// Whether a new TCP connection to the port is accepted by the kernel at all.
bool can_connect(std::uint16_t port);

/// The value of a response header, empty when absent.
std::string header(const Response& response, std::string_view name);

}  // namespace tmeit::test
