#pragma once

#include <optional>
#include <string>

namespace tmeit::domain {

/// An application to join as prao, as stored. The password hash never leaves the server.
struct SignUp {
  std::string uuid;
  std::string email;  // login_email in the API
  std::string first_name;
  std::optional<std::string> nickname;
  std::string last_name;
  std::optional<std::string> phone;
  std::string password_hash;
  std::string created_at;                // time_created in the API, util::api_time's form
  std::optional<std::string> client_ip;  // erased after 30 days
};

}  // namespace tmeit::domain
