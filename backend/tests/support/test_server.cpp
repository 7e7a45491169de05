#include "support/test_server.hpp"

#include <stdexcept>

#include "support/paths.hpp"

namespace tmeit::test {
namespace {

Environment prepare(const TestDatabase& database, const ServerSetup& setup) {
  if (setup.migrate) migrate_up(database.url());
  auto env = setup.env;
  if (!setup.static_dir.empty()) env.emplace("TMEIT_STATIC_DIR", setup.static_dir);
  return server_environment(database.url(), env);
}

}  // namespace

Environment server_environment(const std::string& database_url, const Environment& overrides) {
  Environment env{
      {"DATABASE_URL", database_url},        {"PORT", "0"},
      {"TMEIT_METRICS_PORT", "0"},           {"TMEIT_BIND_ADDRESS", "127.0.0.1"},
      {"TMEIT_JWT_SECRET", test_jwt_secret}, {"TMEIT_MIGRATIONS_DIR", paths::migrations_dir},
  };
  for (const auto& [name, value] : overrides) env[name] = value;
  return env;
}

void migrate_up(const std::string& database_url) {
  auto result = run_tmeit({"migrate", "up"}, server_environment(database_url));
  if (result.exit_code != 0) {
    throw std::runtime_error("tmeit migrate up failed (exit " + std::to_string(result.exit_code) +
                             "): " + result.output);
  }
}

TestServer::TestServer(const ServerSetup& setup) : process_(prepare(database_, setup)) {}

bool answers_health(ServerProcess& server) {
  if (!server.running()) return false;
  try {
    return get(server.port(), "/health").result_int() == 200;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace tmeit::test
