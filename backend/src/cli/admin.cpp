#include "app/config.hpp"
#include "app/logger.hpp"
#include "cli/commands.hpp"
#include "cli/one_shot.hpp"
#include "cli/usage.hpp"
#include "db/admin_repository.hpp"
#include "db/errors.hpp"

#include <iostream>
#include <optional>

namespace tmeit::cli {
namespace {

namespace asio = boost::asio;

constexpr Usage admin_usage{
    "admin",
    "usage: tmeit admin promote EMAIL\n"
    "  promote EMAIL   make the member with this login email a master (break-glass, when no\n"
    "                  master can log in; see docs/runbooks/no-master.md)\n"};

asio::awaitable<void> promote_into(db::Pool& pool, const std::string& email,
                                   std::optional<db::admin::Promotion>& promotion) {
  promotion = co_await db::admin::promote_to_master(pool, email);
}

/// Runs the promotion; the outcome, or the exception it threw.
std::optional<db::admin::Promotion> promote(const app::Config& config, app::Logger& logger,
                                            const std::string& email) {
  std::optional<db::admin::Promotion> promotion;
  run_on_one_connection(config, logger,
                        [&](db::Pool& pool) { return promote_into(pool, email, promotion); });
  return promotion;
}

}  // namespace

int run_admin(const Args& args) {
  if (args.empty() || args[0] != "promote") return admin_usage.error("unknown or missing action");
  if (args.size() != 2 || args[1].empty()) return admin_usage.error("promote takes one email");
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  try {
    const auto promotion = promote(config, logger, args[1]);
    if (!promotion) {
      std::cerr << "tmeit admin: no member has the login email " << args[1] << "\n";
      return 1;
    }
    if (promotion->previous_role == "master") {
      std::cout << args[1] << " (" << promotion->short_uuid << ") was a master already; ";
    } else {
      std::cout << args[1] << " (" << promotion->short_uuid << ") is now a master (was "
                << promotion->previous_role << "); their old logins are revoked; ";
    }
    std::cout << "the club has " << promotion->masters << " master(s)\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "tmeit admin: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace tmeit::cli
