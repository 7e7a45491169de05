#include "backup/restore.hpp"

#include "backup/catalog.hpp"
#include "backup/snapshot.hpp"
#include "backup/tools.hpp"
#include "db/blocking.hpp"
#include "db/erasure_repository.hpp"
#include "util/base64url.hpp"
#include "util/pipeline.hpp"
#include "util/random.hpp"
#include "util/sha256.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tmeit::backup {
namespace {

/// The downloaded backup, removed when it goes away.
class TempFile {
 public:
  explicit TempFile(const std::string& dir)
      : path_(std::filesystem::path(dir) /
              ("tmeit-restore-" + util::base64url_encode(util::random_bytes(9)) + ".age")),
        fd_(::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) {
    if (fd_ < 0) {
      throw RestoreError("cannot create " + path_.string() + ": " + std::strerror(errno), false);
    }
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        throw RestoreError("cannot write " + path_.string() + ": " + std::strerror(errno), false);
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_;
};

std::string resolve_key(storage::ObjectStore& store, const std::string& from) {
  if (from != "latest") return from;
  const Catalog catalog = read_catalog(store);
  if (catalog.verified.empty())
    throw RestoreError("no verified backup in " + store.describe(), false);
  return catalog.verified.back().key;
}

/// Downloads the backup and checks it against its manifest before anything is touched.
void download_verified(storage::ObjectStore& store, const Manifest& manifest, TempFile& file) {
  util::Sha256Hasher hasher;
  std::uint64_t size = 0;
  const bool found = store.get(manifest.key, [&](std::string_view chunk) {
    hasher.update(chunk);
    size += chunk.size();
    file.write(chunk);
  });
  if (!found) throw RestoreError(manifest.key + " does not exist", false);
  const std::string sha256 = util::to_hex(hasher.finish());
  if (size != manifest.size || sha256 != manifest.sha256) {
    throw RestoreError(manifest.key + " is corrupt or truncated: " + std::to_string(size) +
                           " bytes with SHA-256 " + sha256 + ", the manifest says " +
                           std::to_string(manifest.size) + " bytes with " + manifest.sha256 +
                           "; the target was not touched",
                       false);
  }
}

void refuse_unless_empty(PGconn* conn, bool force) {
  const std::string tables = db::scalar_blocking(
      conn,
      "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
      " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
      " AND n.nspname NOT LIKE 'pg_toast%'");
  if (tables != "0" && !force) {
    throw RestoreError("the target database holds " + tables +
                           " tables: refusing to restore over them (use --force to replace them)",
                       false);
  }
}

/// The restored database must be what the snapshot was.
std::int64_t check_restored(PGconn* conn, const Manifest& manifest) {
  const int version = read_schema_version(conn);
  if (version != manifest.schema_version) {
    throw RestoreError("restored schema version " + std::to_string(version) + ", the backup had " +
                           std::to_string(manifest.schema_version),
                       true);
  }
  const auto counts = count_rows(conn);
  std::int64_t rows = 0;
  for (const auto& [table, expected] : manifest.row_counts) {
    const auto found = counts.find(table);
    const std::int64_t actual = found == counts.end() ? -1 : found->second;
    if (actual != expected) {
      throw RestoreError("table " + table + " has " + std::to_string(actual) +
                             " rows after the restore, the backup had " + std::to_string(expected),
                         true);
    }
    rows += actual;
  }
  return rows;
}

void run_restore(const app::Config& config, const std::string& file, const std::string& target,
                 bool clean) {
  util::Pipeline pipeline({tools::age_decrypt(config), tools::pg_restore(config, target, clean)},
                          file, false);
  std::string failures;
  for (const auto& line : pipeline.wait()) failures += (failures.empty() ? "" : "; ") + line;
  // pg_restore ran as one transaction: a failure rolled everything back.
  if (!failures.empty()) throw RestoreError("restore failed (rolled back): " + failures, false);
}

}  // namespace

RestoreReport restore(const app::Config& config, storage::ObjectStore& store,
                      const RestoreRequest& request, const app::Logger& logger) {
  if (config.backup_age_identity_file.empty()) {
    throw RestoreError("TMEIT_BACKUP_AGE_IDENTITY_FILE: required to decrypt backups", false);
  }
  const std::string key = resolve_key(store, request.from);
  const Manifest manifest = read_manifest(store, key);
  const db::PgConnPtr target = db::connect_blocking(request.to, "tmeit-restore", 10);
  refuse_unless_empty(target.get(), request.force);
  logger.info("restore: downloading", {{"key", key}, {"bytes", manifest.size}});
  TempFile file(config.backup_work_dir);
  download_verified(store, manifest, file);
  logger.info("restore: checksum verified, restoring", {{"key", key}});
  run_restore(config, file.path().string(), request.to, request.force);
  RestoreReport report{key, manifest.taken_at, manifest.schema_version};
  report.rows = check_restored(target.get(), manifest);
  const Catalog catalog = read_catalog(store);
  report.erasures_in_ledger = static_cast<std::int64_t>(catalog.ledger.size());
  report.erased_again = db::erasures::reapply(target.get(), catalog.ledger);
  logger.info("restore: done", {{"key", key},
                                {"taken_at", report.taken_at},
                                {"schema_version", report.schema_version},
                                {"rows", report.rows},
                                {"ledger_entries", report.erasures_in_ledger},
                                {"erased_again", report.erased_again}});
  return report;
}

}  // namespace tmeit::backup
