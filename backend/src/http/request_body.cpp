#include "http/request_body.hpp"

#include "http/errors.hpp"
#include "util/strict_json.hpp"
#include "util/utf8.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>

namespace tmeit::http {
namespace {

/// True when the Content-Type's media type (before any ";charset=...") is `expected`.
bool has_media_type(const Request& request, std::string_view expected) {
  std::string_view type = request[bhttp::field::content_type];
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return beast::iequals(type, expected);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
      const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
      if (low < 0) throw BadRequest("invalid form body: broken percent-encoding");
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

nlohmann::json json_object_body(const Request& request) {
  if (!has_media_type(request, "application/json")) {
    throw ApiError(Status::unsupported_media_type, "expected Content-Type: application/json");
  }
  auto parsed = util::parse_strict_json(request.body());
  if (parsed.duplicate_key) {
    throw BadRequest("duplicate key in the JSON body: " + *parsed.duplicate_key,
                     problem_list({{*parsed.duplicate_key, "is given more than once"}}));
  }
  if (parsed.value.is_discarded()) throw BadRequest("invalid JSON in the request body");
  if (!parsed.value.is_object()) throw BadRequest("the request body must be a JSON object");
  return std::move(parsed.value);
}

void reject_unknown_fields(const nlohmann::json& body,
                           std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw unknown_field(name, "unknown field: " + name);
    }
  }
}

std::string required_string(const nlohmann::json& body, const std::string& name) {
  const auto found = body.find(name);
  if (found == body.end()) throw invalid_field(name, "is required");
  if (!found->is_string()) throw invalid_field(name, "must be a string");
  return found->get<std::string>();
}

std::map<std::string, std::string, std::less<>> form_body(const Request& request) {
  if (!has_media_type(request, "application/x-www-form-urlencoded")) {
    throw ApiError(Status::unsupported_media_type,
                   "expected Content-Type: application/x-www-form-urlencoded");
  }
  std::map<std::string, std::string, std::less<>> fields;
  std::string_view rest = request.body();
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = form_decode(pair.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
    // Text the database would refuse, found here: a 4xx naming the field, never a 500.
    if (!util::is_valid_utf8(name)) throw BadRequest("invalid form body: a name is not UTF-8");
    if (!util::is_valid_utf8(value)) throw invalid_field(name, "must be valid UTF-8");
    // OAuth2 (RFC 6749 §3.1) forbids repeating a parameter; which one would count is a guess.
    if (!fields.emplace(name, std::move(value)).second) {
      throw BadRequest("invalid form body: repeated field " + name,
                       problem_list({{name, "is given more than once"}}));
    }
  }
  return fields;
}

}  // namespace tmeit::http
