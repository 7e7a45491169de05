#include "support/reset_worker.hpp"

#include <chrono>
#include <vector>

#include "support/eventually.hpp"
#include "support/postgres.hpp"

namespace tmeit::test {

using namespace std::chrono_literals;

Environment quick_worker(const std::string& database_url, const std::string& smtp_url,
                         const std::string& public_url) {
  return server_environment(database_url, {{"TMEIT_WORKER_PORT", "0"},
                                           {"TMEIT_SMTP_URL", smtp_url},
                                           {"TMEIT_WORKER_POLL_MS", "20"},
                                           {"TMEIT_MAIL_RETRY_BASE_MS", "600000"},
                                           {"TMEIT_PUBLIC_URL", public_url},
                                           {"TMEIT_SHUTDOWN_GRACE_MS", "2000"}});
}

::testing::AssertionResult settle_reset_requests(const std::string& database_url) {
  ServerProcess worker(quick_worker(database_url, "smtp://127.0.0.1:9"), 15s,
                       std::vector<std::string>{"worker"});
  PgConnection db(database_url);
  if (eventually([&] { return db.scalar("SELECT count(*) FROM password_reset_requests") == "0"; },
                 10s)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "reset requests still queued; worker:\n"
                                       << worker.output();
}

}  // namespace tmeit::test
