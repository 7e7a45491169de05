#pragma once

#include "app/config.hpp"
#include "app/logger.hpp"
#include "storage/object_store.hpp"

#include <cstdint>
#include <string>

namespace tmeit::backup {

/// What `backup restore` is asked to do.
struct RestoreRequest {
  std::string from = "latest";  ///< a backup key or "latest" (the newest verified one)
  std::string to;               ///< libpq connection string of the target database
  bool force = false;           ///< also into a database that holds tables (they are replaced)
};

/// What a restore did.
struct RestoreReport {
  std::string key;
  std::string taken_at;
  int schema_version = 0;
  std::int64_t rows = 0;
  std::int64_t erasures_in_ledger = 0;
  std::int64_t erased_again = 0;  ///< people the backup held who had been erased since
};

/// A restore refused or failed; nothing was changed when `target_touched` is false.
class RestoreError : public std::runtime_error {
 public:
  RestoreError(const std::string& message, bool target_touched)
      : std::runtime_error(message), target_touched_(target_touched) {}
  bool target_touched() const { return target_touched_; }

 private:
  bool target_touched_;
};

/// Restores a verified backup: downloads it to TMEIT_BACKUP_WORK_DIR while hashing, refuses
/// unless size and SHA-256 match its manifest, refuses a target holding tables without
/// `force`, and only then runs age --decrypt | pg_restore as one transaction. Then checks
/// that the schema version and every table's row count equal the manifest's, and deletes
/// again everyone in the erasure ledger (recording them in the restored erasures table), so
/// no erased person comes back. Throws RestoreError.
RestoreReport restore(const app::Config& config, storage::ObjectStore& store,
                      const RestoreRequest& request, const app::Logger& logger);

}  // namespace tmeit::backup
