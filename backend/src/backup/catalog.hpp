#pragma once

#include "backup/manifest.hpp"
#include "domain/backup_retention.hpp"
#include "domain/erasure.hpp"
#include "storage/object_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tmeit::backup {

/// What is under backups/ in the store, sorted out by one listing.
struct Catalog {
  /// Backups with a manifest: the only ones that count. Oldest first.
  std::vector<domain::BackupRef> verified;
  /// Backup objects without a manifest: a run that failed after its upload, or a prune
  /// interrupted between the manifest and the object. Never counted; pruned when old.
  std::vector<domain::BackupRef> unverified;
  /// Manifests whose backup object is gone (an interrupted prune, by hand).
  std::vector<std::string> stray_manifests;
  /// The erasure ledger.
  std::vector<domain::Erasure> ledger;
  std::vector<std::string> ledger_keys;
  /// Sizes of the backup objects, by key.
  std::map<std::string, std::uint64_t> sizes;
};

/// Lists backups/ once and sorts it out.
Catalog read_catalog(storage::ObjectStore& store);

/// A small object read whole (a manifest); std::nullopt when missing.
std::optional<std::string> read_small_object(storage::ObjectStore& store, const std::string& key);

/// The manifest of backup `key`; throws std::runtime_error when missing or malformed.
Manifest read_manifest(storage::ObjectStore& store, const std::string& key);

/// The manifest object's key of backup `key`.
std::string manifest_key(const std::string& key);

}  // namespace tmeit::backup
