#pragma once

#include <string>
#include <vector>

#include "storage/s3_store.hpp"
#include "support/s3_server.hpp"
#include "support/subprocess.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {

/// What the backup tests work with: `tmeit serve` on a fresh migrated database, a real S3-API
/// server, and an age key pair made by the real age-keygen.
class BackupSetup {
 public:
  BackupSetup();

  /// The environment of a `tmeit backup ...` against this setup: the database, the S3 server
  /// with the write-only key (or the full one), the age recipient and identity, small parts
  /// (so even a test database goes up in several parts); `extra` wins.
  Environment env(bool writer_key = true, const Environment& extra = {}) const;
  /// Runs `tmeit backup <args>`.
  RunResult backup(const std::vector<std::string>& args, const Environment& extra = {},
                   bool writer_key = true) const;
  /// Runs `tmeit backup plan ...` with `input` on its stdin.
  RunResult backup_with_input(const std::vector<std::string>& args, const std::string& input) const;

  /// The bucket seen with the full key.
  storage::S3Store store() const { return storage::S3Store(s3.settings()); }
  /// Keys under `prefix`, in order.
  std::vector<std::string> keys(const std::string& prefix = "backups/") const;
  /// The backup objects (without manifests and ledger).
  std::vector<std::string> backup_keys() const;
  /// An object's bytes ("" when missing).
  std::string object(const std::string& key) const;

  /// Adds rows whose text does not compress, so the dump is a few hundred kilobytes.
  void add_bulk_events(int count);

  TestServer server;
  S3Server s3;
  TempDir dir;
  std::string recipient;
  std::string identity_file;
};

}  // namespace tmeit::test
