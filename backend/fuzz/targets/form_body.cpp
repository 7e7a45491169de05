// application/x-www-form-urlencoded bodies (the OAuth2 token request): decoded fields or a 4xx,
// and every decoded name and value is UTF-8 (the database refuses anything else with a 500).
#include "http/errors.hpp"
#include "http/request_body.hpp"
#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tmeit::http;
  Request request{bhttp::verb::post, "/api/v1/token", 11};
  request.set(bhttp::field::content_type, "application/x-www-form-urlencoded");
  request.body().assign(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& [name, value] : form_body(request)) {
      if (!tmeit::util::is_valid_utf8(name) || !tmeit::util::is_valid_utf8(value)) {
        __builtin_trap();
      }
    }
  } catch (const ApiError&) {
    // A 4xx: what bad input must get.
  }
  return 0;
}
