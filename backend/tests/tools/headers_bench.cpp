// The security headers' cost per response for docs/benchmarks.md (issue 12: at most 3 % of
// /health throughput), measured through the real code: SecurityHeaders::apply on a /health
// response and writing the response out, beside the same response without the headers. The
// difference is the CPU time the headers add to each response; scripts/bench-hardening divides
// it by the CPU time the server spends per /health request under load.
// Usage: headers_bench [RESPONSES]
#include <utility>

#include "http/security_headers.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>

#include <array>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace {

using tmeit::http::Response;

/// This thread's CPU time: on a busy machine wall time would count the waits for a core.
std::chrono::nanoseconds cpu_now() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

/// A response like GET /health's.
Response health_response() {
  Response response{tmeit::http::Status::ok, 11};
  response.set(boost::beast::http::field::content_type, "application/json");
  response.set(boost::beast::http::field::cache_control, "no-store");
  response.set("X-Request-Id", "0123456789abcdef0123456789abcdef");
  response.body() = R"({"status":"ok"})";
  response.prepare_payload();
  return response;
}

/// Writes `response` into `out` through Beast's serializer; returns the bytes written.
std::size_t serialize(Response& response, std::array<char, 4096>& out) {
  boost::beast::http::serializer<false, boost::beast::http::string_body,
                                 tmeit::http::ResponseFields>
      serializer{response};
  boost::beast::error_code error;
  std::size_t written = 0;
  while (!serializer.is_done() && !error) {
    serializer.next(error, [&](boost::beast::error_code&, const auto& buffers) {
      const auto size = boost::asio::buffer_copy(boost::asio::buffer(out) + written, buffers);
      written += size;
      serializer.consume(size);
    });
  }
  return written;
}

/// Nanoseconds per response of building, optionally securing, and serializing `responses`
/// responses; `bytes` gets the size of one serialized response.
double nanos_per_response(const tmeit::http::SecurityHeaders* headers, long responses,
                          std::size_t& bytes) {
  std::array<char, 4096> out{};
  std::size_t sink = 0;
  const auto start = cpu_now();
  for (long i = 0; i < responses; ++i) {
    auto response = health_response();
    if (headers != nullptr) headers->apply(response);
    bytes = serialize(response, out);
    sink += static_cast<unsigned char>(out[bytes - 1]);
  }
  const std::chrono::duration<double, std::nano> elapsed = cpu_now() - start;
  if (sink == 0) std::puts("");  // keeps the loop from being optimised away
  return elapsed.count() / static_cast<double>(responses);
}

}  // namespace

int main(int argc, char** argv) {
  const long responses = argc > 1 ? std::stol(argv[1]) : 1'000'000;
  const tmeit::http::SecurityHeaders headers(/*https=*/true);
  std::size_t plain_bytes = 0;
  std::size_t secured_bytes = 0;
  nanos_per_response(&headers, responses / 10, secured_bytes);  // warm-up
  double plain = 0;
  double secured = 0;
  for (int round = 0; round < 3; ++round) {  // interleaved, so a busy moment hits both
    plain += nanos_per_response(nullptr, responses, plain_bytes);
    secured += nanos_per_response(&headers, responses, secured_bytes);
  }
  plain /= 3;
  secured /= 3;
  std::printf("response without security headers: %.0f ns, %zu bytes\n", plain, plain_bytes);
  std::printf("response with security headers:     %.0f ns, %zu bytes\n", secured, secured_bytes);
  std::printf("headers_cost_ns %.0f\n", secured - plain);
}
