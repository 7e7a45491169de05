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
  return ::testing::AssertionSuccess();
}

}  // namespace tmeit::test
