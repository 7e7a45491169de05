#pragma once

#include "app/config.hpp"
#include "app/logger.hpp"
#include "storage/object_store.hpp"

#include <cstdint>
#include <string>

namespace tmeit::backup {

/// How `backup run` ended.
struct RunResult {
  enum class Status { done, busy, failed };
  Status status = Status::failed;
  std::string key;
  std::uint64_t size = 0;
  std::string sha256;
  std::string error;
};

/// One backup: under an advisory lock (a second run at the same time returns busy), records
/// the run, copies pending erasures to the ledger, then streams pg_dump of a snapshot through
/// age into a multipart upload while hashing it, reads the object back to check its size and
/// SHA-256, and only then writes its manifest, which makes it count. Any failure aborts the
/// upload (no object appears; one that appeared without a manifest never counts) and records
/// the run as failed. Memory stays at about two parts (TMEIT_BACKUP_PART_SIZE_BYTES).
RunResult run_backup(const app::Config& config, storage::ObjectStore& store,
                     const app::Logger& logger);

/// The process exit code for a result: 0 done, 3 busy (another run holds the lock), 1 failed.
int exit_code(const RunResult& result);

}  // namespace tmeit::backup
