#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/club.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {

/// The password the original's join form sends in these tests (strong enough for zxcvbn).
inline constexpr const char* joiner_password = "lantern-walrus-violet-83";

/// Replays calls of the original website's web client (TMEIT/website, front/src/app/) against
/// a server with a master: each test sends what that client sends and checks what it reads.
class OriginalClient : public ::testing::Test {
 protected:
  OriginalClient();

  /// Sends the request and, as fetch and XMLHttpRequest do, repeats it once at the Location of
  /// a 307 (FastAPI's trailing-slash redirect, which the original's calls relied on).
  Response browser(http::verb method, const std::string& target, const Headers& headers = {},
                   const std::string& body = {});

  /// POST /api/v1/sign_up/sign_up with what JoinForm.js sends (phone left empty: "").
  Response join(const std::string& email, const std::string& password = joiner_password);
  /// Joins and returns the sign-up's uuid.
  std::string joined(const std::string& email);

  /// The token of the newest queued reset mail's /reset/<token> link.
  std::string latest_reset_token();

  TestServer server_;
  std::string master_token_;
};

/// Success when `value` is a time as the original's FastAPI wrote it (pydantic's isoformat of a
/// UTC time): "2026-11-26T18:00:00+00:00" or "2026-11-26T18:00:00.250000+00:00".
::testing::AssertionResult is_fastapi_time(const nlohmann::json& value);

}  // namespace tmeit::test
