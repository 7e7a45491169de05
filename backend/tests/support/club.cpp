#include "support/club.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <stdexcept>

#include "util/password_hash.hpp"

namespace tmeit::test {
namespace {

Response token_request(std::uint16_t port, const std::string& email, const std::string& password) {
  return fetch(port, http::verb::post, "/api/v1/token",
               {{"Content-Type", "application/x-www-form-urlencoded"}},
               "username=" + email + "&password=" + password);
}

}  // namespace

TestMember add_member(TestServer& server, const std::string& email, const std::string& role,
                      const std::string& password, bool production_cost) {
  return add_member(server.database().url(), email, role, password, production_cost);
}

TestMember add_member(const std::string& database_url, const std::string& email,
                      const std::string& role, const std::string& password, bool production_cost) {
  // Verifying reads the cost from the hash, so a cheap one keeps logins fast in tests.
  const auto hash =
      production_cost ? util::hash_password(password) : util::hash_password(password, {1, 1024, 1});
  PgConnection db(database_url);
  const auto rows = db.query(
      "INSERT INTO members (login_email, role, first_name, last_name, password_hash) VALUES ('" +
      email + "', '" + role + "', 'Test', 'Member', '" + hash + "') RETURNING uuid, short_uuid");
  return {*rows.at(0).at(0), *rows.at(0).at(1), email};
}

Response request_token(TestServer& server, const std::string& email, const std::string& password) {
  return token_request(server.port(), email, password);
}

std::string login(TestServer& server, const std::string& email, const std::string& password) {
  return login(server.port(), email, password);
}

std::string login(std::uint16_t port, const std::string& email, const std::string& password) {
  const auto response = token_request(port, email, password);
  if (response.result_int() != 200) {
    throw std::runtime_error("login of " + email + " failed: " + response.body());
  }
  return nlohmann::json::parse(response.body()).at("access_token").get<std::string>();
}

Headers bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

Headers json_headers(Headers headers) {
  headers.emplace_back("Content-Type", "application/json");
  return headers;
}

std::string reset_token_in(std::string text) {
  for (auto pos = text.find("=\r\n"); pos != std::string::npos; pos = text.find("=\r\n")) {
    text.erase(pos, 3);
  }
  const auto start = text.find("/reset/");
  if (start == std::string::npos) return {};
  auto end = start + 7;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) != 0 ||
                               text[end] == '-' || text[end] == '_')) {
    ++end;
  }
  return text.substr(start + 7, end - start - 7);
}

}  // namespace tmeit::test
