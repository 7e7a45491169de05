#pragma once

#include "domain/fields.hpp"
#include "http/types.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace tmeit::http {

/// An error a client should see: a status code and a message, rendered as
/// {"error": message, "detail": ...}. `detail` follows FastAPI, whose clients the v1 API keeps
/// (docs/api-compatibility.md): a list of {"loc", "msg", "type"} when the problem is with named
/// input fields, else the message again.
class ApiError : public std::runtime_error {
 public:
  ApiError(Status status, const std::string& message, nlohmann::json detail = nullptr)
      : std::runtime_error(message), status_(status), detail_(std::move(detail)) {}

  Status status() const { return status_; }
  const nlohmann::json& detail() const { return detail_; }
  /// Seconds for a Retry-After header (429, 503), when set.
  std::optional<int> retry_after() const { return retry_after_; }
  ApiError& with_retry_after(int seconds) {
    retry_after_ = seconds;
    return *this;
  }

 private:
  Status status_;
  nlohmann::json detail_;
  std::optional<int> retry_after_;
};

/// FastAPI's list of input problems, [{"loc": [where, field], "msg": problem, "type": kind}],
/// from `problems` ({"field": "problem", ...}); `where` is "body", "query" or "path".
nlohmann::json problem_list(const nlohmann::json& problems, std::string_view where = "body");

/// "first_name: must not be empty; phone: is required": the problems as one message.
std::string problems_message(const nlohmann::json& problems);

struct BadRequest : ApiError {
  explicit BadRequest(const std::string& message, nlohmann::json detail = nullptr)
      : ApiError(Status::bad_request, message, std::move(detail)) {}
};
struct Unauthorized : ApiError {
  explicit Unauthorized(const std::string& message = "not authenticated")
      : ApiError(Status::unauthorized, message) {}
};
struct Forbidden : ApiError {
  explicit Forbidden(const std::string& message = "forbidden")
      : ApiError(Status::forbidden, message) {}
};
struct NotFound : ApiError {
  explicit NotFound(const std::string& message = "not found")
      : ApiError(Status::not_found, message) {}
};
struct Conflict : ApiError {
  explicit Conflict(const std::string& message) : ApiError(Status::conflict, message) {}
};
/// A conditional request (If-Match) whose condition does not hold: the record changed since the
/// client read it.
struct PreconditionFailed : ApiError {
  explicit PreconditionFailed(const std::string& message)
      : ApiError(Status::precondition_failed, message) {}
};
/// A field that does not exist or that the caller may not set: a 400 naming it in `detail`.
BadRequest unknown_field(const std::string& field, const std::string& message);

/// Field-level problems ({"field": "what is wrong", ...}): a 422 whose detail lists them the way
/// FastAPI does; the message names them all unless one is given.
struct ValidationError : ApiError {
  explicit ValidationError(const nlohmann::json& field_errors, const std::string& message = {},
                           std::string_view where = "body")
      : ApiError(Status::unprocessable_entity,
                 message.empty() ? problems_message(field_errors) : message,
                 problem_list(field_errors, where)) {}
};

/// Turns a refused body into its error: a 400 naming the field that may not be sent (with the
/// domain's message), else a 422 with every invalid value; returns when there are no problems.
void throw_problems(const domain::FieldProblems& problems);
/// A ValidationError about one field, e.g. invalid_field("email", "is required"); `where` is
/// "query" for a query parameter.
inline ValidationError invalid_field(const std::string& field, const std::string& problem,
                                     std::string_view where = "body") {
  return ValidationError(nlohmann::json::object({{field, problem}}), field + ": " + problem, where);
}

struct TooManyRequests : ApiError {
  explicit TooManyRequests(int retry_after_seconds,
                           const std::string& message = "too many requests")
      : ApiError(Status::too_many_requests, message) {
    with_retry_after(retry_after_seconds);
  }
};
struct ServiceUnavailable : ApiError {
  explicit ServiceUnavailable(const std::string& message, int retry_after_seconds = 1)
      : ApiError(Status::service_unavailable, message) {
    with_retry_after(retry_after_seconds);
  }
};

/// Builds the JSON error response every error path uses: {"error": message, "detail": detail},
/// where a null `detail` repeats the message (FastAPI's HTTPException shape).
Response error_response(const Request& request, Status status, std::string_view message,
                        const nlohmann::json& detail = nullptr);

/// The answer to a deletion: {"status": "deleted", key: id}.
nlohmann::json deleted_json(std::string_view key, std::string_view id);

/// A 204 No Content response with the request's HTTP version and keep-alive.
Response no_content_response(const Request& request);

/// A JSON response with the request's HTTP version and keep-alive.
Response json_response(const Request& request, Status status, const nlohmann::json& body);
/// Text would become one JSON string, not the document it holds: use json_text_response.
Response json_response(const Request& request, Status status, const std::string& body) = delete;
/// A response whose body is JSON text already written (see util::JsonWriter).
Response json_text_response(const Request& request, Status status, std::string body);

}  // namespace tmeit::http
