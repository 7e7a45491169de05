#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tmeit::domain {

/// A member's `current_role`. Active: master, marshal, vraq, prao. Former: ex, exprao.
enum class Role { master, marshal, vraq, prao, ex, exprao };

/// The role called `name` ("master", ...), or std::nullopt.
std::optional<Role> parse_role(std::string_view name);

/// The API name of a role.
std::string_view role_name(Role role);

/// Every role name, in the club's order (for enums in schemas and validation messages).
inline constexpr std::string_view all_role_names[] = {"master", "marshal", "vraq",
                                                      "prao",   "ex",      "exprao"};

/// Marshals and masters organize: they create and edit events.
inline bool organizes_events(Role role) {
  return role == Role::master || role == Role::marshal;
}

/// The logged-in member a request acts for, as the token and the database say now.
struct Viewer {
  std::string uuid;
  std::string short_uuid;
  std::string login_email;
  Role role;
  std::string first_name;
  std::string last_name;
};

}  // namespace tmeit::domain
