#include "http/errors.hpp"

namespace tmeit::http {

Response json_response(const Request& request, Status status, const nlohmann::json& body) {
  return json_text_response(request, status,
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response json_text_response(const Request& request, Status status, std::string body) {
  Response response{status, request.version()};
  response.set(bhttp::field::content_type, "application/json");
  response.set(bhttp::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

Response no_content_response(const Request& request) {
  Response response{Status::no_content, request.version()};
  response.keep_alive(request.keep_alive());
  return response;
}

Response error_response(const Request& request, Status status, std::string_view message,
                        const nlohmann::json& detail) {
  nlohmann::json body{{"error", message}};
  if (!detail.is_null()) body["detail"] = detail;
  return json_response(request, status, body);
}

}  // namespace tmeit::http
