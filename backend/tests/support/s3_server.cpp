#include "support/s3_server.hpp"

#include <stdexcept>

#include "support/http_client.hpp"
#include "support/paths.hpp"
#include "support/postgres.hpp"

namespace tmeit::test {

S3Server::S3Server()
    : port_(free_port()),
      // s3rver's continuation tokens are DES-encrypted: OpenSSL 3 has DES only in its legacy
      // provider.
      process_({"/usr/bin/env", "node", "--openssl-legacy-provider", paths::s3_server, "--port",
                std::to_string(port_), "--dir", dir_.path().string(), "--bucket", bucket, "--key",
                std::string(full_key_id) + ":" + full_secret + ":full", "--key",
                std::string(writer_key_id) + ":" + writer_secret + ":writer"},
               "ready", 30s, "tools/s3rver/server.mjs (npm ci in tools/s3rver?)") {}

std::string S3Server::output() const {
  return process_.output();
}

std::string S3Server::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

storage::S3Settings S3Server::settings(bool writer) const {
  storage::S3Settings settings;
  settings.endpoint = endpoint();
  settings.region = region;
  settings.bucket = bucket;
  settings.access_key_id = writer ? writer_key_id : full_key_id;
  settings.secret_access_key = writer ? writer_secret : full_secret;
  settings.path_style = true;
  settings.connect_timeout = 5s;
  settings.request_timeout = 10s;
  settings.max_attempts = 3;
  settings.retry_base = 20ms;
  return settings;
}

Environment S3Server::backup_env(bool writer) const {
  return {{"TMEIT_BACKUP_STORAGE", "s3"},
          {"TMEIT_S3_ENDPOINT", endpoint()},
          {"TMEIT_S3_REGION", region},
          {"TMEIT_BACKUP_S3_BUCKET", bucket},
          {"TMEIT_BACKUP_S3_ACCESS_KEY_ID", writer ? writer_key_id : full_key_id},
          {"TMEIT_BACKUP_S3_SECRET_ACCESS_KEY", writer ? writer_secret : full_secret},
          {"TMEIT_S3_TIMEOUT_MS", "10000"},
          {"TMEIT_S3_MAX_ATTEMPTS", "3"},
          {"TMEIT_S3_RETRY_BASE_MS", "20"}};
}

void S3Server::set_faults(const std::string& rules_json) {
  const auto response =
      fetch(port_, http::verb::post, "/__control/faults", {}, R"({"rules":)" + rules_json + "}");
  if (response.result_int() != 200) throw std::runtime_error("s3 test server: faults refused");
}

nlohmann::json S3Server::requests() {
  return nlohmann::json::parse(get(port_, "/__control/log").body());
}

void S3Server::clear() {
  fetch(port_, http::verb::post, "/__control/clear");
}

}  // namespace tmeit::test
