#pragma once

#include <string>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {

/// A password strong enough for every check; test members get it unless told otherwise.
inline constexpr const char* member_password = "kettle-orbit-sunday-47";

/// A member added straight into the test server's database.
struct TestMember {
  std::string uuid;
  std::string short_uuid;
  std::string email;
};

/// Inserts a member with `role` and a password hashed cheaply (logins stay fast), or at the
/// production cost when `production_cost` (for timing tests).
TestMember add_member(TestServer& server, const std::string& email, const std::string& role,
                      const std::string& password = member_password, bool production_cost = false);
/// The same, into the database at `database_url` (for tests that run their own cluster).
TestMember add_member(const std::string& database_url, const std::string& email,
                      const std::string& role, const std::string& password = member_password,
                      bool production_cost = false);

/// POST /api/v1/token with the form fields; returns the whole response.
Response request_token(TestServer& server, const std::string& email, const std::string& password);

/// Logs in and returns the access token; throws when the login fails.
std::string login(TestServer& server, const std::string& email,
                  const std::string& password = member_password);
/// The same, against the server on `port`.
std::string login(std::uint16_t port, const std::string& email,
                  const std::string& password = member_password);

/// The Authorization header for a token.
Headers bearer(const std::string& token);

/// `headers` plus Content-Type: application/json.
Headers json_headers(Headers headers = {});

/// The token of the first "/reset/<token>" link in a mail's text (soft line breaks of
/// quoted-printable removed first); empty when there is none.
std::string reset_token_in(std::string text);

}  // namespace tmeit::test
