#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/server_process.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {

/// The environment of a worker that turns reset requests into mail quickly, with links under
/// `public_url`; the mail goes to `smtp_url` (smtp://127.0.0.1:9: nowhere, for tests that read
/// the queued mail from the database).
Environment quick_worker(const std::string& database_url, const std::string& smtp_url,
                         const std::string& public_url = "https://tmeit.example");

/// Runs such a worker until the reset requests queued in `database_url` are handled (a token and
/// a queued mail for a member's email; nothing for another); fails with the worker's output.
::testing::AssertionResult settle_reset_requests(const std::string& database_url);

}  // namespace tmeit::test
