#include "domain/event_visibility.hpp"

#include <algorithm>

namespace tmeit::domain {

std::vector<std::string> visible_visibilities(const std::optional<Viewer>& viewer) {
  if (!viewer) return {"public"};
  switch (viewer->role) {
    case Role::master:
    case Role::marshal:
    case Role::vraq:
      return {"public", "internal", "elected"};
    case Role::prao:
      return {"public", "internal"};
    // Former members: an `ex` served the club and stays welcome at its internal events (like a
    // prao, never the elected ones); a former trainee (`exprao`) never joined, so they see what
    // the public sees, as they do for members.
    case Role::ex:
      return {"public", "internal"};
    case Role::exprao:
      return {"public"};
  }
  return {"public"};
}

bool can_see_event(const std::optional<Viewer>& viewer, std::string_view visibility) {
  const auto visible = visible_visibilities(viewer);
  return std::find(visible.begin(), visible.end(), visibility) != visible.end();
}

}  // namespace tmeit::domain
