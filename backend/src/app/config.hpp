#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tmeit::app {

/// Every setting of every role, read from the environment once at start.
struct Config {
  // Database: a libpq connection string; empty means libpq reads the PG* variables itself.
  std::string database_url;
  std::size_t db_pool_size = 8;
  std::chrono::milliseconds db_timeout{5000};

  // HTTP server.
  std::string bind_address = "0.0.0.0";
  std::uint16_t port = 8080;
  std::uint16_t metrics_port = 8082;  // serve's /metrics, apart from the public port
  std::size_t io_threads = 0;         // 0 = one per core
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds request_timeout{15000};
  std::chrono::milliseconds idle_timeout{60000};
  std::size_t max_connections = 10000;  // beyond it idle connections are closed to make room
  std::chrono::milliseconds shutdown_grace{20000};
  std::vector<std::string> trusted_proxies;

  // Files.
  std::string static_dir;
  std::string migrations_dir = "db/migrations";

  // Authentication.
  std::string jwt_secret;
  std::chrono::minutes token_lifetime{7 * 24 * 60};
  std::size_t password_threads = 2;  // argon2 pool: each hash holds 64 MiB while it runs
  std::size_t password_queue = 16;   // hashes waiting beyond that get a 503

  // Photo uploads (docs/photos.md): decoded and encoded on a pool of their own.
  std::size_t photo_threads = 2;    // bounds the memory of concurrent decodes
  std::size_t photo_queue = 4;      // uploads waiting beyond that get a 503
  std::size_t photo_cache_mb = 32;  // public photos served from memory (0: none)

  // Abuse limits, each counted over a sliding window (see docs/architecture.md).
  std::size_t login_failures_per_account = 5;   // per 15 minutes
  std::size_t login_failures_per_address = 20;  // per 15 minutes
  std::size_t sign_ups_per_address = 5;         // per hour
  std::size_t resets_per_email = 3;             // per hour
  std::size_t resets_per_address = 10;          // per hour

  // The first master account, created by `tmeit seed` (embedded run).
  std::string admin_email = "admin@tmeit.local";
  std::string admin_password;

  // Email: the worker (`tmeit worker`) sends what the API queues.
  std::string smtp_url = "smtp://127.0.0.1:1025";
  std::string smtp_username;
  std::string smtp_password;  // secret: never logged
  std::string mail_from = "TMEIT <noreply@tmeit.se>";
  std::size_t mail_max_attempts = 8;
  std::chrono::milliseconds mail_retry_base{30000};
  std::chrono::milliseconds worker_poll{1000};
  std::uint16_t worker_port = 8081;
  // Base of links in mails (password reset, sign-up status), without a trailing slash.
  std::string public_url = "http://localhost:8080";

  // Object storage (photos; backups too unless the backup settings below say otherwise).
  std::string storage_backend = "none";  // none | folder | s3
  std::string storage_dir;               // folder backend: its root
  std::string s3_endpoint;               // https://host[:port]
  std::string s3_region = "us-east-1";
  std::string s3_bucket;
  std::string s3_access_key_id;
  std::string s3_secret_access_key;  // secret: never logged
  bool s3_path_style = true;
  std::chrono::milliseconds s3_timeout{300000};
  std::chrono::milliseconds s3_connect_timeout{10000};
  std::size_t s3_max_attempts = 4;
  std::chrono::milliseconds s3_retry_base{500};

  // Backups (`tmeit backup ...`, see docs/backups.md). Empty storage settings inherit the ones
  // above, so one bucket serves both unless production gives backups their own.
  std::string backup_storage;  // none | folder | s3; "" = storage_backend
  std::string backup_storage_dir;
  std::string backup_s3_bucket;
  std::string backup_s3_access_key_id;
  std::string backup_s3_secret_access_key;  // secret: never logged
  std::vector<std::string> backup_age_recipients;
  std::string backup_age_identity_file;  // only where restores run (the drill)
  std::size_t backup_max_age_days = 0;   // 0 = monthly backups are kept forever
  std::size_t backup_object_lock_days = 0;
  std::size_t backup_part_size = std::size_t{8} * 1024 * 1024;
  std::string backup_work_dir = "/tmp";
  std::chrono::milliseconds backup_lock_wait{60000};  // pg_dump's wait for a table lock
  std::string backup_schedule = "off";                // off | hourly (run by `tmeit worker`)
  std::string backup_drill_database_url;
  std::string age_binary = "age";
  std::string pg_bin_dir;  // "" = pg_dump and pg_restore from PATH
  // `tmeit monitor-health`: where the parts of the alert path answer, and how it checks them.
  // An empty Loki or Grafana URL leaves that check out.
  std::string monitor_prometheus_url = "http://prometheus:9090";
  std::string monitor_alertmanager_url = "http://alertmanager:9093";
  std::string monitor_loki_url = "http://loki:3100";
  std::string monitor_grafana_url = "http://grafana:3000";
  std::string monitor_app_up_query = R"(up{job="tmeit-app"})";
  std::string monitor_loki_query = R"(sum(count_over_time({app="tmeit", component="app"}[10m])))";
  std::chrono::milliseconds monitor_interval{30000};
  std::chrono::milliseconds monitor_timeout{5000};
  std::chrono::milliseconds monitor_watchdog_max_age{600000};

  std::string log_level = "info";
};

/// One environment variable we read: its name, default and meaning (shown by `tmeit --help`).
struct EnvVarDoc {
  const char* name;
  const char* default_value;
  const char* description;
};

/// All variables the binary reads, in the order `--help` lists them.
const std::vector<EnvVarDoc>& environment_variables();

/// Thrown when the environment is invalid; holds one line per problem.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

/// What a sub-command needs beyond the common settings.
struct ConfigNeeds {
  bool jwt_secret = false;
  bool admin_password = false;
};

/// Reads and validates the configuration; `lookup` returns nullptr for an unset variable.
Config load_config(const std::function<const char*(const char*)>& lookup, ConfigNeeds needs);

/// Reads the configuration from the process environment.
Config load_config_from_environment(ConfigNeeds needs);

}  // namespace tmeit::app
