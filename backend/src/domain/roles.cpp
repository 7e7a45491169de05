#include "domain/roles.hpp"

#include <array>

namespace tmeit::domain {

std::optional<Role> parse_role(std::string_view name) {
  constexpr std::array roles{Role::master, Role::marshal, Role::vraq,
                             Role::prao,   Role::ex,      Role::exprao};
  for (const auto role : roles) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

std::string_view role_name(Role role) {
  return all_role_names[static_cast<std::size_t>(role)];
}

}  // namespace tmeit::domain
