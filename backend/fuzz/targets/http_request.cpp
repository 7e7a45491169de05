// Request heads and bodies as the session reads them: Beast's parser with our limits, then
// check_request_head on every complete head, then the body (chunked or not).
#include "http/request_head.hpp"
#include "http/router.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace tmeit::http;

// Smaller than the server's, so inputs of a few kilobytes reach both limits.
constexpr std::uint32_t header_limit = 1024;
constexpr std::uint64_t body_limit = 4096;

/// Feeds `input` to a fresh parser in pieces of at most `step` bytes, as reads would; returns how
/// many bytes the messages used, so a pipelined remainder can be parsed next.
std::size_t parse_one(std::string_view input, std::size_t step) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(header_limit);
  parser.body_limit(body_limit);
  parser.eager(false);  // head first, like async_read_header
  boost::system::error_code ec;
  std::size_t used = 0;
  bool head_checked = false;
  while (!parser.is_done() && used < input.size()) {
    const auto chunk = input.substr(used, std::min(step, input.size() - used));
    const auto consumed = parser.put(boost::asio::buffer(chunk.data(), chunk.size()), ec);
    used += consumed;
    if (ec == bhttp::error::need_more) {
      if (consumed == 0 && chunk.size() == input.size() - used) break;  // all given, still short
      if (consumed == 0) step *= 2;  // a token spans the piece: offer more at once
      ec = {};
      continue;
    }
    if (ec) return 0;
    if (parser.is_header_done() && !head_checked) {
      head_checked = true;
      if (check_request_head(parser.get())) return 0;  // answered 400 and closed
      // What the dispatcher then looks at: an origin-form target.
      const std::string_view target = parser.get().target();
      if (!target.starts_with('/') && target != "*") __builtin_trap();
      (void)target_path(target);
      parser.eager(true);
    }
  }
  return parser.is_done() ? used : 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  // The first byte picks the read size, so the fuzzer also explores heads split across reads.
  const std::size_t step = std::size_t{1} + data[0] % 64;
  std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  // Up to three pipelined requests on one connection.
  for (int i = 0; i < 3 && !input.empty(); ++i) {
    const auto used = parse_one(input, step);
    if (used == 0) break;
    input.remove_prefix(used);
  }
  return 0;
}
