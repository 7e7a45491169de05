#include "util/strict_json.hpp"

#include <set>
#include <vector>

namespace tmeit::util {

StrictJson parse_strict_json(std::string_view text) {
  StrictJson result;
  // The keys seen so far in each object being read, innermost last.
  std::vector<std::set<std::string, std::less<>>> open_objects;
  using Event = nlohmann::json::parse_event_t;
  auto watch_keys = [&](int /*depth*/, Event event, nlohmann::json& parsed) {
    switch (event) {
      case Event::object_start:
        open_objects.emplace_back();
        break;
      case Event::key:
        if (!open_objects.back().insert(parsed.get<std::string>()).second &&
            !result.duplicate_key) {
          result.duplicate_key = parsed.get<std::string>();
        }
        break;
      case Event::object_end:
        open_objects.pop_back();
        break;
      default:
        break;
    }
    return true;
  };
  result.value = nlohmann::json::parse(text, watch_keys, /*allow_exceptions=*/false);
  return result;
}

}  // namespace tmeit::util
