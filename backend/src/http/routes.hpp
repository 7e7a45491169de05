#pragma once

#include "http/router.hpp"

#include <vector>

namespace tmeit::http {

class SystemHandlers;

/// The handler objects the route table binds to; all owned by the composition root.
struct Handlers {
  SystemHandlers& system;
};

/// The one route table: method, path, handler, access and schemas of every endpoint.
/// The router and the OpenAPI document are both made from it.
std::vector<Route> build_routes(const Handlers& handlers);

}  // namespace tmeit::http
