#include "support/original_client.hpp"

#include "support/reset_worker.hpp"

#include <regex>

namespace tmeit::test {

OriginalClient::OriginalClient() {
  add_member(server_, "boss@example.com", "master");
  master_token_ = login(server_, "boss@example.com");
}

Response OriginalClient::browser(http::verb method, const std::string& target,
                                 const Headers& headers, const std::string& body) {
  auto response = fetch(server_.port(), method, target, headers, body);
  if (response.result_int() != 307) return response;
  return fetch(server_.port(), method, header(response, "Location"), headers, body);
}

Response OriginalClient::join(const std::string& email, const std::string& password) {
  // Exactly the fields JoinForm.js sends; an empty phone input is "".
  const nlohmann::json form{{"login_email", email},
                            {"first_name", "Prao"},
                            {"last_name", "Praosson"},
                            {"phone", ""},
                            {"password", password}};
  return fetch(server_.port(), http::verb::post, "/api/v1/sign_up/sign_up",
               {{"Content-Type", "application/json"}}, form.dump());
}

std::string OriginalClient::joined(const std::string& email) {
  const auto response = join(email);
  EXPECT_EQ(response.result_int(), 200) << response.body();
  return nlohmann::json::parse(response.body()).at("uuid").get<std::string>();
}

std::string OriginalClient::latest_reset_token() {
  // The reset request only queues; the worker makes the token and the mail.
  EXPECT_TRUE(settle_reset_requests(server_.database().url()));
  return reset_token_in(
      server_.database().connect().scalar("SELECT body_text FROM email_jobs WHERE subject ILIKE "
                                          "'%password%' ORDER BY id DESC LIMIT 1"));
}

::testing::AssertionResult is_fastapi_time(const nlohmann::json& value) {
  static const std::regex form(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00)");
  if (value.is_string() && std::regex_match(value.get<std::string>(), form)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << value.dump() << " is not a time as FastAPI writes it";
}

}  // namespace tmeit::test
