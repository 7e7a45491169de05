#pragma once

#include "http/router.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace tmeit::http {

class SystemHandlers;
class AuthHandlers;
class MemberHandlers;
class EventHandlers;
class SignUpHandlers;
class ResetHandlers;
class EmailHandlers;
class PhotoHandlers;

/// The handler objects the route table binds to; all owned by the composition root.
struct Handlers {
  SystemHandlers& system;
  AuthHandlers& auth;
  MemberHandlers& members;
  EventHandlers& events;
  SignUpHandlers& sign_ups;
  ResetHandlers& resets;
  EmailHandlers& email;
  PhotoHandlers& photos;
};

/// The one route table: method, path, handler, access and schemas of every endpoint.
/// The router and the OpenAPI document are both made from it.
std::vector<Route> build_routes(const Handlers& handlers);

/// The named schemas the routes refer to (members and events per viewer, ...).
nlohmann::json component_schemas();

// Each resource's part of the table, beside its handlers (http/routes_<resource>.cpp).
std::vector<Route> auth_routes(AuthHandlers& auth);
std::vector<Route> member_routes(MemberHandlers& members);
nlohmann::json member_schemas();
std::vector<Route> event_routes(EventHandlers& events);
nlohmann::json event_schemas();
std::vector<Route> sign_up_routes(SignUpHandlers& sign_ups);
nlohmann::json sign_up_schemas();
std::vector<Route> reset_routes(ResetHandlers& resets);
std::vector<Route> email_routes(EmailHandlers& email);
std::vector<Route> photo_routes(PhotoHandlers& photos);
nlohmann::json photo_schemas();
/// Endpoints of the original we do not keep: each answers 410 with the reason (routes_gone.cpp).
std::vector<Route> gone_routes();

}  // namespace tmeit::http
