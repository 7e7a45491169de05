#include "backup/run.hpp"

#include "app/build_info.hpp"
#include "backup/catalog.hpp"
#include "backup/ledger.hpp"
#include "backup/manifest.hpp"
#include "backup/options.hpp"
#include "backup/snapshot.hpp"
#include "backup/tools.hpp"
#include "db/backup_run_repository.hpp"
#include "db/blocking.hpp"
#include "domain/backup_keys.hpp"
#include "storage/object_writer.hpp"
#include "util/pipeline.hpp"
#include "util/sha256.hpp"

#include <stdexcept>

namespace tmeit::backup {
namespace {

using Clock = std::chrono::steady_clock;

/// What went up: the object's key, size and SHA-256.
struct Upload {
  std::string key;
  std::uint64_t size = 0;
  std::string sha256;
};

std::string join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "; ") + line;
  return text;
}

/// pg_dump | age, read in chunks that are hashed and handed to a multipart upload.
Upload dump_encrypt_upload(const app::Config& config, storage::ObjectStore& store,
                           const Snapshot& snapshot, const std::string& key,
                           const app::Logger& logger) {
  util::Pipeline pipeline(
      {tools::pg_dump(config, config.database_url, snapshot.id()), tools::age_encrypt(config)}, "",
      true);
  storage::PutOptions options = backup_put_options(config, std::chrono::system_clock::now());
  options.metadata = {{"tmeit-version", app::build_info::version},
                      {"tmeit-taken-at", domain::backup_keys::format_time(snapshot.taken())}};
  storage::ObjectWriter writer(store, key, options, config.backup_part_size);
  util::Sha256Hasher hasher;
  std::string buffer(std::size_t{256} * 1024, '\0');
  std::uint64_t next_report = std::uint64_t{256} << 20;
  while (const std::size_t n = pipeline.read(buffer.data(), buffer.size())) {
    const std::string_view chunk(buffer.data(), n);
    hasher.update(chunk);
    writer.write(chunk);
    if (writer.size() >= next_report) {
      logger.info("backup progress", {{"key", key}, {"bytes", writer.size()}});
      next_report += std::uint64_t{256} << 20;
    }
  }
  const auto failures = pipeline.wait();
  // Returning here destroys the writer unfinished, which aborts the upload.
  if (!failures.empty()) throw std::runtime_error("dump or encryption failed: " + join(failures));
  Upload upload{key, 0, util::to_hex(hasher.finish())};
  upload.size = writer.finish();
  return upload;
}

/// Reads the object back: it must be exactly what was sent.
void verify(storage::ObjectStore& store, const Upload& upload) {
  const auto head = store.head(upload.key);
  if (!head) throw std::runtime_error("verification: " + upload.key + " is missing after upload");
  if (head->size != upload.size) {
    throw std::runtime_error("verification: " + upload.key + " has " + std::to_string(head->size) +
                             " bytes, sent " + std::to_string(upload.size));
  }
  util::Sha256Hasher hasher;
  std::uint64_t size = 0;
  store.get(upload.key, [&](std::string_view chunk) {
    hasher.update(chunk);
    size += chunk.size();
  });
  const std::string sha256 = util::to_hex(hasher.finish());
  if (size != upload.size || sha256 != upload.sha256) {
    throw std::runtime_error("verification: " + upload.key + " reads back as " +
                             std::to_string(size) + " bytes with SHA-256 " + sha256 +
                             ", not what was sent");
  }
}

Upload back_up(const app::Config& config, storage::ObjectStore& store, const app::Logger& logger) {
  const db::PgConnPtr conn = db::connect_blocking(config.database_url, "tmeit-backup", 10);
  Snapshot snapshot(conn.get());
  const std::string key = domain::backup_keys::backup_key(snapshot.taken());
  const auto started = Clock::now();
  logger.info("backup started", {{"key", key}, {"store", store.describe()}});
  const Upload upload = dump_encrypt_upload(config, store, snapshot, key, logger);
  Manifest manifest;
  manifest.key = key;
  manifest.taken_at = domain::backup_keys::format_time(snapshot.taken());
  manifest.size = upload.size;
  manifest.sha256 = upload.sha256;
  manifest.app_version = app::build_info::version;
  manifest.schema_version = snapshot.schema_version();
  manifest.row_counts = snapshot.row_counts();
  snapshot.close();
  verify(store, upload);
  storage::PutOptions options = backup_put_options(config, std::chrono::system_clock::now());
  options.content_type = "application/json";
  store.put(manifest_key(key), manifest.to_json(), options);
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  logger.info(
      "backup verified",
      {{"key", key}, {"bytes", upload.size}, {"sha256", upload.sha256}, {"seconds", seconds}});
  return upload;
}

bool try_lock(PGconn* conn) {
  return db::scalar_blocking(conn, "SELECT pg_try_advisory_lock($1::bigint)",
                             {std::to_string(backup_lock_key)}) == "t";
}

}  // namespace

RunResult run_backup(const app::Config& config, storage::ObjectStore& store,
                     const app::Logger& logger) {
  if (config.backup_age_recipients.empty()) {
    throw app::ConfigError({"TMEIT_BACKUP_AGE_RECIPIENTS: required by backup run"});
  }
  RunResult result;
  // This connection holds the lock and records the run; the snapshot has its own.
  const db::PgConnPtr conn = db::connect_blocking(config.database_url, "tmeit-backup", 10);
  if (!try_lock(conn.get())) {
    logger.warn("another backup run holds the lock: not starting a second one");
    result.status = RunResult::Status::busy;
    return result;
  }
  const std::int64_t run_id = db::backup_runs::start(conn.get(), "backup");
  db::backup_runs::RunOutcome outcome;
  try {
    try {
      flush_ledger(conn.get(), store, backup_put_options(config, std::chrono::system_clock::now()));
    } catch (const std::exception& error) {
      // The backup matters more; the worker and the next run copy the ledger again.
      logger.warn("erasure ledger not copied", {{"error", error.what()}});
    }
    const Upload upload = back_up(config, store, logger);
    outcome = {true, upload.key, static_cast<std::int64_t>(upload.size), upload.sha256, {}};
    result = {RunResult::Status::done, upload.key, upload.size, upload.sha256, {}};
  } catch (const std::exception& error) {
    outcome.error = error.what();
    result.error = error.what();
    logger.error("backup failed", {{"error", result.error}});
  }
  db::backup_runs::finish(conn.get(), run_id, outcome);
  return result;
}

int exit_code(const RunResult& result) {
  switch (result.status) {
    case RunResult::Status::done:
      return 0;
    case RunResult::Status::busy:
      return 3;
    case RunResult::Status::failed:
      return 1;
  }
  return 1;
}

}  // namespace tmeit::backup
