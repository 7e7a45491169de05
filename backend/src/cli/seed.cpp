#include "app/config.hpp"
#include "app/logger.hpp"
#include "cli/commands.hpp"
#include "cli/one_shot.hpp"
#include "db/seed_repository.hpp"
#include "util/password_hash.hpp"

#include <exception>
#include <iostream>
#include <vector>

namespace tmeit::cli {
namespace {

namespace asio = boost::asio;

const std::vector<db::SeedMember>& demo_members() {
  static const std::vector<db::SeedMember> members = {
      {"marshal@tmeit.local", "marshal", "Maja", "Majsan", "Marskalk", "070-000 00 01", {}},
      {"vraq@tmeit.local", "vraq", "Viktor", {}, "Vraqsson", "070-000 00 02", {}},
      {"prao1@tmeit.local", "prao", "Petra", "Prao", "Praosdotter", {}, {}},
      {"prao2@tmeit.local", "prao", "Pelle", {}, "Praoson", {}, {}},
      {"ex@tmeit.local", "ex", "Erik", "Gamlingen", "Exsson", {}, {}},
  };
  return members;
}

const std::vector<db::SeedEvent>& demo_events() {
  static const std::vector<db::SeedEvent> events = {
      {"Pub night", "The usual Thursday pub. Everyone welcome.", "Puben", "3 days 18 hours",
       "6 hours", "public"},
      {"Autumn sittning", "Three courses, songs and speeches.", "Nymble", "10 days 18 hours",
       "7 hours", "public"},
      {"Members' meeting", "Planning the spring term.", "Club room", "5 days 17 hours", "2 hours",
       "internal"},
      {"Masters' planning", "Budget and rota.", "Club room", "7 days 12 hours", "2 hours",
       "elected"},
      {"Last term's pub", "It happened.", "Puben", "-30 days", "5 hours", "public"},
  };
  return events;
}

asio::awaitable<void> seed(db::Pool& pool, const app::Config& config, app::Logger& logger) {
  db::SeedRepository repository(pool);
  if (co_await repository.member_exists(config.admin_email)) {
    logger.info("master account exists", {{"email", config.admin_email}});
  } else {
    db::SeedMember admin{config.admin_email,
                         "master",
                         "Admin",
                         {},
                         "Master",
                         {},
                         util::hash_password(config.admin_password)};
    co_await repository.insert_member(admin);
    logger.info("created master account", {{"email", config.admin_email}});
  }
  if (!co_await repository.is_empty_except(config.admin_email)) co_return;
  for (const auto& member : demo_members()) co_await repository.insert_member(member);
  for (const auto& event : demo_events()) co_await repository.insert_event(event);
  logger.info("added demo content",
              {{"members", demo_members().size()}, {"events", demo_events().size()}});
}

}  // namespace

int run_seed(const Args&) {
  const app::Config config = app::load_config_from_environment({.admin_password = true});
  app::Logger logger(app::parse_log_level(config.log_level));
  try {
    run_on_one_connection(config, logger,
                          [&](db::Pool& pool) { return seed(pool, config, logger); });
  } catch (...) {
    std::cerr << "tmeit seed: " << app::describe_exception(std::current_exception()) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace tmeit::cli
