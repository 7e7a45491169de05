#pragma once

#include "app/config.hpp"
#include "storage/object_store.hpp"
#include "storage/s3_client.hpp"

#include <memory>

namespace tmeit::storage {

/// The object store of the photos: nullptr for TMEIT_STORAGE_BACKEND=none. Throws
/// app::ConfigError listing what is missing for the chosen backend.
std::unique_ptr<ObjectStore> make_object_store(const app::Config& config);

/// The object store of the backups: the TMEIT_BACKUP_* settings, each falling back to the
/// photo storage's. nullptr when backups have no storage. Throws app::ConfigError.
std::unique_ptr<ObjectStore> make_backup_store(const app::Config& config);

/// The S3 settings of the configuration (credentials and bucket as given).
S3Settings s3_settings(const app::Config& config, const std::string& bucket,
                       const std::string& access_key_id, const std::string& secret_access_key);

}  // namespace tmeit::storage
