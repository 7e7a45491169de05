#pragma once

#include <span>
#include <string_view>

namespace tmeit::http::static_assets {

/// One client-side route of the SPA (mission.md, "Pages"). The server answers index.html for it.
struct SpaRoute {
  enum class Children {
    none,      ///< only the path itself: /team
    optional,  ///< the path and anything below it: /events, /events/<uuid>
    required,  ///< only below it: /profile/<short_uuid>
  };
  std::string_view path;
  Children children;
};

/// Every SPA route, in one place; the frontend's router declares the same list.
std::span<const SpaRoute> spa_routes();

/// Whether a decoded request path is an SPA route. One trailing slash is ignored ("/team/").
bool is_spa_route(std::string_view path);

}  // namespace tmeit::http::static_assets
