#include "http/static/spa_routes.hpp"

#include <algorithm>
#include <array>

namespace tmeit::http::static_assets {
namespace {

using Children = SpaRoute::Children;

constexpr std::array routes{
    SpaRoute{"/", Children::none},           SpaRoute{"/events", Children::optional},
    SpaRoute{"/team", Children::none},       SpaRoute{"/profile", Children::required},
    SpaRoute{"/join_tmeit", Children::none}, SpaRoute{"/join_completed", Children::none},
    SpaRoute{"/master", Children::optional}, SpaRoute{"/reset", Children::required},
    SpaRoute{"/about", Children::none},      SpaRoute{"/documents", Children::none},
    SpaRoute{"/privacy", Children::none},
};

bool matches(const SpaRoute& route, std::string_view path) {
  if (path == route.path) return route.children != Children::required;
  if (route.children == Children::none) return false;
  // "/profile/x" is below "/profile"; "/profilex" and "/profile/" are not.
  return path.size() > route.path.size() + 1 && path.starts_with(route.path) &&
         path[route.path.size()] == '/';
}

}  // namespace

std::span<const SpaRoute> spa_routes() {
  return routes;
}

bool is_spa_route(std::string_view path) {
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return std::ranges::any_of(routes,
                             [path](const SpaRoute& route) { return matches(route, path); });
}

}  // namespace tmeit::http::static_assets
