#include "http/etag.hpp"

#include "http/errors.hpp"
#include "http/static/conditional.hpp"

namespace tmeit::http {

std::string version_etag(std::int64_t version, std::string_view variant) {
  std::string etag = "\"" + std::to_string(version);
  if (!variant.empty()) etag += "-" + std::string(variant);
  return etag + "\"";
}

void require_if_match(const Request& request, std::string_view current_etag) {
  const auto found = request.find(bhttp::field::if_match);
  if (found == request.end()) return;
  if (static_assets::if_match_matches(found->value(), current_etag)) return;
  throw PreconditionFailed(
      "someone else changed this record since you loaded it: load it again and redo your change");
}

Response with_etag(Response response, const std::string& etag) {
  response.set(bhttp::field::etag, etag);
  return response;
}

}  // namespace tmeit::http
