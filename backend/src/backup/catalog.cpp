#include "backup/catalog.hpp"

#include "domain/backup_keys.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace tmeit::backup {
namespace keys = domain::backup_keys;

std::string manifest_key(const std::string& key) {
  return key + std::string(keys::manifest_suffix);
}

Catalog read_catalog(storage::ObjectStore& store) {
  Catalog catalog;
  std::set<std::string> manifests;
  std::vector<domain::BackupRef> backups;
  for (const auto& object : store.list_all(std::string(keys::prefix))) {
    if (const auto taken = keys::parse_backup_key(object.key)) {
      backups.push_back({object.key, *taken});
      catalog.sizes[object.key] = object.size;
    } else if (object.key.ends_with(keys::manifest_suffix)) {
      manifests.insert(object.key.substr(0, object.key.size() - keys::manifest_suffix.size()));
    } else if (const auto erasure = domain::parse_ledger_key(object.key)) {
      catalog.ledger.push_back(*erasure);
      catalog.ledger_keys.push_back(object.key);
    }
  }
  std::sort(backups.begin(), backups.end(),
            [](const auto& a, const auto& b) { return a.taken < b.taken; });
  for (auto& backup : backups) {
    const bool has_manifest = manifests.erase(backup.key) > 0;
    (has_manifest ? catalog.verified : catalog.unverified).push_back(std::move(backup));
  }
  for (const auto& key : manifests) catalog.stray_manifests.push_back(manifest_key(key));
  return catalog;
}

std::optional<std::string> read_small_object(storage::ObjectStore& store, const std::string& key) {
  constexpr std::size_t limit = std::size_t{1} << 20;
  std::string body;
  const bool found = store.get(key, [&body, &key](std::string_view chunk) {
    if (body.size() + chunk.size() > limit) {
      throw storage::StorageError(key + ": larger than 1 MiB", 0, false);
    }
    body.append(chunk);
  });
  if (!found) return std::nullopt;
  return body;
}

Manifest read_manifest(storage::ObjectStore& store, const std::string& key) {
  const auto text = read_small_object(store, manifest_key(key));
  if (!text) throw std::runtime_error(key + " has no manifest: it was never verified");
  Manifest manifest = Manifest::from_json(*text);
  if (manifest.key != key) throw std::runtime_error(manifest_key(key) + " names another backup");
  return manifest;
}

}  // namespace tmeit::backup
