#include "storage/storage_factory.hpp"

#include "storage/folder_store.hpp"
#include "storage/s3_store.hpp"

namespace tmeit::storage {
namespace {

const std::string& or_else(const std::string& value, const std::string& fallback) {
  return value.empty() ? fallback : value;
}

std::unique_ptr<ObjectStore> make_store(const std::string& backend, const std::string& dir,
                                        const S3Settings& s3, const char* prefix) {
  std::vector<std::string> problems;
  const std::string p(prefix);
  if (backend == "folder") {
    if (dir.empty()) problems.push_back(p + "_DIR: required for the folder backend");
    if (!problems.empty()) throw app::ConfigError(problems);
    return std::make_unique<FolderStore>(dir);
  }
  if (backend != "s3") return nullptr;
  if (s3.endpoint.empty()) problems.emplace_back("TMEIT_S3_ENDPOINT: required for the s3 backend");
  if (s3.bucket.empty()) problems.push_back("bucket: required for the s3 backend (" + p + ")");
  if (s3.access_key_id.empty() || s3.secret_access_key.empty()) {
    problems.push_back("access key id and secret: required for the s3 backend (" + p + ")");
  }
  if (!problems.empty()) throw app::ConfigError(problems);
  return std::make_unique<S3Store>(s3);
}

}  // namespace

S3Settings s3_settings(const app::Config& config, const std::string& bucket,
                       const std::string& access_key_id, const std::string& secret_access_key) {
  S3Settings s3;
  s3.endpoint = config.s3_endpoint;
  s3.region = config.s3_region;
  s3.bucket = bucket;
  s3.access_key_id = access_key_id;
  s3.secret_access_key = secret_access_key;
  s3.path_style = config.s3_path_style;
  s3.request_timeout = config.s3_timeout;
  s3.connect_timeout = config.s3_connect_timeout;
  s3.max_attempts = config.s3_max_attempts;
  s3.retry_base = config.s3_retry_base;
  return s3;
}

std::unique_ptr<ObjectStore> make_object_store(const app::Config& config) {
  return make_store(
      config.storage_backend, config.storage_dir,
      s3_settings(config, config.s3_bucket, config.s3_access_key_id, config.s3_secret_access_key),
      "TMEIT_STORAGE");
}

std::unique_ptr<ObjectStore> make_backup_store(const app::Config& config) {
  return make_store(
      or_else(config.backup_storage, config.storage_backend),
      or_else(config.backup_storage_dir, config.storage_dir),
      s3_settings(config, or_else(config.backup_s3_bucket, config.s3_bucket),
                  or_else(config.backup_s3_access_key_id, config.s3_access_key_id),
                  or_else(config.backup_s3_secret_access_key, config.s3_secret_access_key)),
      "TMEIT_BACKUP_STORAGE");
}

}  // namespace tmeit::storage
