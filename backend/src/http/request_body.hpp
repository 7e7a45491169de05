#pragma once

#include "http/types.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <string>

namespace tmeit::http {

/// The request body as a JSON object. 415 unless the Content-Type is application/json; 400 for
/// invalid JSON (including invalid UTF-8), a key repeated in an object, or anything but an
/// object.
nlohmann::json json_object_body(const Request& request);

/// Refuses (400, naming it) any field of `body` not in `allowed`.
void reject_unknown_fields(const nlohmann::json& body,
                           std::initializer_list<std::string_view> allowed);

/// The string field `name` of `body`: 422 naming it when missing or not a string.
std::string required_string(const nlohmann::json& body, const std::string& name);

/// The fields of an application/x-www-form-urlencoded body (OAuth2's token request). 415 for
/// another Content-Type; 400 for broken percent-encoding or a repeated field; 422 naming the
/// field for a value that is not UTF-8.
std::map<std::string, std::string, std::less<>> form_body(const Request& request);

}  // namespace tmeit::http
