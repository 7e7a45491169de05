#pragma once

#include "domain/roles.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::domain {

/// Every event visibility, from the widest audience to the narrowest.
inline constexpr std::string_view all_visibility_names[] = {"public", "internal", "elected"};

/// The visibilities of the events `viewer` (std::nullopt: not logged in) may see.
std::vector<std::string> visible_visibilities(const std::optional<Viewer>& viewer);

/// Whether `viewer` may see an event with this visibility.
bool can_see_event(const std::optional<Viewer>& viewer, std::string_view visibility);

}  // namespace tmeit::domain
