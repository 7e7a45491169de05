#include "cli/commands.hpp"
#include "cli/one_shot.hpp"
#include "cli/usage.hpp"
#include "db/photo_repository.hpp"
#include "storage/storage_factory.hpp"
#include "util/date_time.hpp"

#include <chrono>
#include <iostream>
#include <set>

namespace tmeit::cli {
namespace {

namespace asio = boost::asio;

constexpr Usage storage_usage{
    "storage",
    "usage: tmeit storage sweep [--dry-run]\n"
    "  sweep  delete photo objects (under photos/) that no row names and that are older than a\n"
    "         day (younger ones may belong to an upload in progress), and report rows whose\n"
    "         object is missing (exit 1 when there are any). --dry-run: only print it\n"};

/// An object this old with no row is an orphan: an upload writes its objects, then its row,
/// within seconds.
constexpr auto orphan_age = std::chrono::hours(24);

asio::awaitable<void> keys_into(db::Pool& pool, std::set<std::string>& keys) {
  db::PhotoRepository photos(pool);
  keys = co_await photos.all_keys();
}

/// Every key a row names.
std::set<std::string> named_keys(const app::Config& config, app::Logger& logger) {
  std::set<std::string> keys;
  run_on_one_connection(config, logger, [&keys](db::Pool& pool) { return keys_into(pool, keys); });
  return keys;
}

/// True when the store says the object was written more than orphan_age ago. An object whose
/// time cannot be read is kept: deleting a photo in use is worse than keeping an orphan.
bool old_enough(const storage::ObjectInfo& object, std::chrono::system_clock::time_point now) {
  const auto written = util::parse_date_time(object.last_modified);
  return written && now - *written > orphan_age;
}

int sweep(const app::Config& config, app::Logger& logger, bool dry_run) {
  auto store = storage::make_object_store(config);
  if (!store) return storage_usage.error("no object storage is configured (TMEIT_STORAGE_BACKEND)");
  // The rows first: an object written after this is younger than a day, and stays.
  const auto named = named_keys(config, logger);
  std::cout << "rows name " << named.size() << " objects; listing " << store->describe()
            << " photos/\n";
  const auto objects = store->list_all("photos/");
  const auto now = std::chrono::system_clock::now();
  std::set<std::string> present;
  std::size_t deleted = 0;
  std::size_t young = 0;
  for (const auto& object : objects) {
    present.insert(object.key);
    if (named.contains(object.key)) continue;
    if (!old_enough(object, now)) {
      ++young;
      continue;
    }
    std::cout << (dry_run ? "would delete " : "delete ") << object.key << " (no row, written "
              << object.last_modified << ")\n";
    if (!dry_run) store->remove(object.key);
    ++deleted;
  }
  std::size_t missing = 0;
  for (const auto& key : named) {
    if (present.contains(key)) continue;
    std::cout << "missing " << key << " (a row names it; the photo cannot be shown)\n";
    ++missing;
  }
  std::cout << objects.size() << " objects, " << deleted
            << (dry_run ? " to delete, " : " deleted, ") << young
            << " without a row but younger than a day (kept), " << missing << " missing\n";
  return missing == 0 ? 0 : 1;
}

}  // namespace

int run_storage_command(const Args& args) {
  if (args.empty() || args[0] != "sweep") return storage_usage.error("unknown or missing action");
  bool dry_run = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] != "--dry-run") return storage_usage.error("unknown option " + args[i]);
    dry_run = true;
  }
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  try {
    return sweep(config, logger, dry_run);
  } catch (const std::exception& error) {
    std::cerr << "tmeit storage: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace tmeit::cli
