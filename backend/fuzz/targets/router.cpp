// The router against a table with every shape of ours: literals, parameters, nested
// parameters, trailing slashes, one path with several methods, GET answering HEAD.
#include "http/router.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace tmeit::http;

Route route(bhttp::verb method, std::string path) {
  return {.method = method, .path = std::move(path)};
}

const Router& router() {
  static const Router table({
      route(bhttp::verb::get, "/health"),
      route(bhttp::verb::get, "/api/v1/members/"),
      route(bhttp::verb::get, "/api/v1/members/{short_uuid}"),
      route(bhttp::verb::patch, "/api/v1/members/{short_uuid}"),
      route(bhttp::verb::delete_, "/api/v1/members/{short_uuid}"),
      route(bhttp::verb::post, "/api/v1/members/create"),
      route(bhttp::verb::put, "/api/v1/reset/{token}"),
      route(bhttp::verb::post, "/api/v1/sign_up/approve/{uuid}"),
      route(bhttp::verb::get, "/api/v1/events/{uuid}/attendance/{member}"),
  });
  return table;
}

constexpr std::array methods = {bhttp::verb::get,     bhttp::verb::head,   bhttp::verb::post,
                                bhttp::verb::put,     bhttp::verb::patch,  bhttp::verb::delete_,
                                bhttp::verb::options, bhttp::verb::unknown};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto method = methods[data[0] % methods.size()];
  const std::string_view target(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto path = target_path(target);
  const auto match = router().match(method, path);
  if (match.route != nullptr) {
    // A match is for this method (or HEAD on a GET route), and every parameter has a value.
    const bool method_ok = match.route->method == method ||
                           (method == bhttp::verb::head && match.route->method == bhttp::verb::get);
    if (!method_ok || !match.allowed.empty()) __builtin_trap();
    for (const auto& [name, value] : match.params) {
      if (name.empty() || value.empty() || value.find('/') != std::string::npos) __builtin_trap();
    }
  }
  return 0;
}
