#include "support/http_assertions.hpp"

namespace tmeit::test {

nlohmann::json json_body(const Response& response) {
  auto parsed = nlohmann::json::parse(response.body(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    ADD_FAILURE() << "body is not JSON: " << response.body();
    return nullptr;
  }
  return parsed;
}

::testing::AssertionResult has_media_type(const Response& response, const std::string& expected) {
  auto type = header(response, "Content-Type");
  if (type == expected || type.starts_with(expected + ";")) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "Content-Type is '" << type << "', expected " << expected;
}

::testing::AssertionResult is_json_error(const Response& response, unsigned status) {
  if (response.result_int() != status) {
    return ::testing::AssertionFailure() << "status " << response.result_int() << ", expected "
                                         << status << "; body: " << response.body();
  }
  if (auto type = has_media_type(response, "application/json"); !type) return type;
  auto body = nlohmann::json::parse(response.body(), nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_string() ||
      body["error"].get<std::string>().empty()) {
    return ::testing::AssertionFailure() << "body is not {\"error\": \"...\"}: " << response.body();
  }
  if (!body.contains("detail") || !(body["detail"].is_string() || body["detail"].is_array())) {
    return ::testing::AssertionFailure()
           << "body has no FastAPI-style \"detail\" (a string or a list): " << response.body();
  }
  return ::testing::AssertionSuccess();
}

nlohmann::json field_errors(const Response& response) {
  auto problems = nlohmann::json::object();
  const auto body = json_body(response);
  if (!body.is_object() || !body.contains("detail") || !body["detail"].is_array()) {
    ADD_FAILURE() << "no list of problems in: " << response.body();
    return problems;
  }
  for (const auto& item : body["detail"]) {
    const bool well_formed = item.is_object() && item.contains("loc") && item["loc"].is_array() &&
                             item["loc"].size() == 2 && item["loc"][0].is_string() &&
                             item["loc"][1].is_string() && item.contains("msg") &&
                             item["msg"].is_string() && item.contains("type") &&
                             item["type"].is_string();
    if (!well_formed) {
      ADD_FAILURE() << "not a {loc: [where, field], msg, type} problem: " << item.dump();
      continue;
    }
    problems[item["loc"][1].get<std::string>()] = item["msg"];
  }
  return problems;
}

}  // namespace tmeit::test
