#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "storage/s3_client.hpp"
#include "support/helper_process.hpp"
#include "support/subprocess.hpp"
#include "support/temp_dir.hpp"

namespace tmeit::test {

/// A real S3-API server on 127.0.0.1: npm s3rver behind tools/s3rver/server.mjs, which checks
/// SigV4 signatures, knows a full key and a write-only key (no delete, no overwrite), and lets
/// a test inject faults (5xx, dropped connections, delays) and read the request log. Needs
/// `npm ci` in tools/s3rver (scripts/test does it). Stopped on destruction.
class S3Server {
 public:
  static constexpr const char* bucket = "tmeit-test";
  static constexpr const char* region = "eu-test-1";
  static constexpr const char* full_key_id = "TMEITFULLKEY";
  static constexpr const char* full_secret = "full-secret-for-tests-0123456789";
  static constexpr const char* writer_key_id = "TMEITWRITERKEY";
  static constexpr const char* writer_secret = "writer-secret-for-tests-012345678";

  S3Server();
  S3Server(const S3Server&) = delete;
  S3Server& operator=(const S3Server&) = delete;

  std::uint16_t port() const { return port_; }
  /// "http://127.0.0.1:<port>".
  std::string endpoint() const;
  /// Client settings for the full or the write-only key (short timeouts, fast retries).
  storage::S3Settings settings(bool writer = false) const;
  /// TMEIT_BACKUP_* and TMEIT_S3_* variables for a `tmeit` role using this server.
  Environment backup_env(bool writer = false) const;

  /// Replaces the fault rules, e.g. R"([{"method":"PUT","status":503,"count":2}])".
  void set_faults(const std::string& rules_json);
  /// Every request so far: [{"method","path","query","status"}] (status -1: dropped).
  nlohmann::json requests();
  /// Forgets the log and the faults.
  void clear();
  /// Where s3rver keeps the objects (its own layout).
  const std::filesystem::path& directory() const { return dir_.path(); }
  std::string output() const;

 private:
  TempDir dir_;
  std::uint16_t port_ = 0;
  HelperProcess process_;
};

}  // namespace tmeit::test
