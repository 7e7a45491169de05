#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace tmeit::test {

/// The body parsed as JSON; null (and a test failure) when it is not JSON.
nlohmann::json json_body(const Response& response);

/// Success when the response has `status`, Content-Type application/json and a body
/// `{"error": "<non-empty string>", "detail": "<string>" or [...], ...}`: the shape of every
/// error the API returns (FastAPI's `detail` plus our `error`).
::testing::AssertionResult is_json_error(const Response& response, unsigned status);

/// The problems a 400/422 lists in `detail` ([{"loc": [where, field], "msg", "type"}, ...]) as
/// {field: msg}; a test failure for any item of another shape.
nlohmann::json field_errors(const Response& response);

/// Success when `content_type` is `expected` or starts with `expected;` (a charset may follow).
::testing::AssertionResult has_media_type(const Response& response, const std::string& expected);

}  // namespace tmeit::test
