// Starts and stops the PostgreSQL cluster shared by the integration tests (ctest fixture `pg`).
// `pg_fixture start` creates a fresh cluster in the build folder on a free port and writes the
// port next to it, where the tests read it; `pg_fixture stop` stops and removes it.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "support/paths.hpp"
#include "support/postgres.hpp"

namespace {

namespace fs = std::filesystem;
using tmeit::test::pg_cluster;

fs::path data_dir() {
  return tmeit::test::paths::shared_pg_dir;
}
fs::path port_file() {
  return data_dir().string() + ".port";
}

/// Stops and removes a cluster a previous, interrupted run may have left behind.
void remove_cluster() {
  if (fs::exists(data_dir())) {
    try {
      pg_cluster({"stop", data_dir().string(), "immediate"});  // a no-op when it is not running
    } catch (const std::exception& error) {
      std::fprintf(stderr, "note: stopping the old cluster failed: %s\n", error.what());
    }
  }
  fs::remove_all(data_dir());
  fs::remove(port_file());
}

int start() {
  remove_cluster();
  fs::create_directories(data_dir().parent_path());
  auto port = tmeit::test::free_port();
  std::printf("creating a PostgreSQL cluster in %s on port %u\n", data_dir().c_str(), port);
  pg_cluster({"init", data_dir().string()});
  pg_cluster({"start", data_dir().string(), std::to_string(port)});
  std::ofstream out(port_file(), std::ios::trunc);
  out << port << "\n";
  if (!out) throw std::runtime_error("cannot write " + port_file().string());
  return 0;
}

int stop() {
  std::printf("stopping and removing the cluster in %s\n", data_dir().c_str());
  if (fs::exists(data_dir())) pg_cluster({"stop", data_dir().string(), "fast"});
  remove_cluster();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command = argc == 2 ? argv[1] : "";
  try {
    if (command == "start") return start();
    if (command == "stop") return stop();
    std::fprintf(stderr, "usage: pg_fixture start|stop\n");
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "pg_fixture %s: %s\n", command.c_str(), error.what());
    return 1;
  }
}
