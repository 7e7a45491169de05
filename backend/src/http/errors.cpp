#include "http/errors.hpp"

namespace tmeit::http {
namespace {

/// The pydantic-style kind of a problem our validators describe in words: clients that branch
/// on FastAPI's types see the same coarse classes (missing, wrong JSON type, bad value).
std::string_view problem_type(std::string_view problem) {
  if (problem == "is required") return "value_error.missing";
  if (problem == "must be a string" || problem == "must be a boolean" ||
      problem == "must not be null") {
    return "type_error";
  }
  return "value_error";
}

nlohmann::json problem_item(std::string_view where, const std::string& field,
                            const std::string& message, std::string_view type) {
  return {{"loc", {where, field}}, {"msg", message}, {"type", type}};
}

}  // namespace

nlohmann::json problem_list(const nlohmann::json& problems, std::string_view where) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [field, problem] : problems.items()) {
    const auto text = problem.is_string() ? problem.get<std::string>() : problem.dump();
    list.push_back(problem_item(where, field, text, problem_type(text)));
  }
  return list;
}

std::string problems_message(const nlohmann::json& problems) {
  std::string message;
  for (const auto& [field, problem] : problems.items()) {
    if (!message.empty()) message += "; ";
    message += field + ": " + (problem.is_string() ? problem.get<std::string>() : problem.dump());
  }
  return message.empty() ? "invalid request" : message;
}

BadRequest unknown_field(const std::string& field, const std::string& message) {
  return BadRequest(
      message, nlohmann::json::array({problem_item("body", field, message, "value_error.extra")}));
}

void throw_problems(const domain::FieldProblems& problems) {
  if (problems.refused_field) throw unknown_field(*problems.refused_field, problems.refusal);
  if (!problems.invalid.empty()) throw ValidationError(problems.invalid);
}

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

nlohmann::json deleted_json(std::string_view key, std::string_view id) {
  return {{"status", "deleted"}, {std::string(key), id}};
}

Response no_content_response(const Request& request) {
  Response response{Status::no_content, request.version()};
  response.keep_alive(request.keep_alive());
  return response;
}

Response error_response(const Request& request, Status status, std::string_view message,
                        const nlohmann::json& detail) {
  const nlohmann::json body{{"error", message},
                            {"detail", detail.is_null() ? nlohmann::json(message) : detail}};
  return json_response(request, status, body);
}

}  // namespace tmeit::http
