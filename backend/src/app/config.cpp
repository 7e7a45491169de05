#include "app/config.hpp"

#include "app/config_table.hpp"

#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <sstream>
#include <string_view>
#include <utility>

namespace tmeit::app {
namespace {

using namespace config_table;

const std::vector<EnvVar>& variables() {
  static const std::vector<EnvVar> table = {
      {{"DATABASE_URL", "(PG* variables)",
        "PostgreSQL connection string or URI; when unset, libpq reads PGHOST, PGPORT, PGUSER, "
        "PGPASSWORD and PGDATABASE"},
       text<&Config::database_url>},
      {{"TMEIT_DB_POOL_SIZE", "8", "most database connections one process opens"},
       number<&Config::db_pool_size, 1, 200>},
      {{"TMEIT_DB_TIMEOUT_MS", "5000",
        "how long a request waits for a database connection or answer before a 503"},
       millis<&Config::db_timeout, 100, 600000>},
      {{"TMEIT_BIND_ADDRESS", "0.0.0.0", "address the HTTP server listens on"},
       text<&Config::bind_address>},
      {{"PORT", "8080", "TCP port the HTTP server listens on (0 picks a free one)"},
       number<&Config::port, 0, 65535>},
      {{"TMEIT_METRICS_PORT", "8082",
        "TCP port of serve's /metrics, apart from the public PORT (0 picks a free one)"},
       number<&Config::metrics_port, 0, 65535>},
      {{"TMEIT_IO_THREADS", "(cores)", "HTTP I/O threads"}, number<&Config::io_threads, 1, 256>},
      {{"TMEIT_MAX_BODY_BYTES", "1048576", "largest request body accepted (larger: 413)"},
       number<&Config::max_body_bytes, 1024, (std::size_t{1} << 30)>},
      {{"TMEIT_MAX_HEADER_BYTES", "16384", "largest request head accepted (larger: 431)"},
       number<&Config::max_header_bytes, 1024, (1024 * 1024)>},
      {{"TMEIT_REQUEST_TIMEOUT_MS", "15000",
        "time a client has to send a whole request once it has started (slower: 408)"},
       millis<&Config::request_timeout, 100, 3600000>},
      {{"TMEIT_IDLE_TIMEOUT_MS", "60000", "an idle keep-alive connection is closed after this"},
       millis<&Config::idle_timeout, 100, 3600000>},
      {{"TMEIT_MAX_CONNECTIONS", "10000",
        "open connections before idle ones are closed to make room (new ones are refused "
        "beyond 10 % more)"},
       number<&Config::max_connections, 16, 1000000>},
      {{"TMEIT_SHUTDOWN_GRACE_MS", "20000",
        "on SIGTERM/SIGINT, how long in-flight requests may take before the process exits"},
       millis<&Config::shutdown_grace, 0, 600000>},
      {{"TMEIT_TRUSTED_PROXIES", "(none)",
        "comma-separated proxy addresses whose X-Forwarded-For is believed"},
       [](Config& c, std::string_view, std::string_view v, Problems&) {
         c.trusted_proxies = split_list(v);
       }},
      {{"TMEIT_STATIC_DIR", "(none)",
        "folder with the built frontend (index.html, assets/); unset serves the API only"},
       text<&Config::static_dir>},
      {{"TMEIT_MIGRATIONS_DIR", "db/migrations", "folder with the numbered SQL migrations"},
       text<&Config::migrations_dir>},
      {{"TMEIT_JWT_SECRET", "(required by serve)",
        "HMAC key that signs login tokens; at least 32 characters"},
       text<&Config::jwt_secret>},
      {{"TMEIT_TOKEN_LIFETIME_MINUTES", "10080",
        "how long a login token is valid (a week; docs/api-compatibility.md says why)"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         std::size_t minutes = 0;
         if (parse_number<std::size_t>(n, v, 1, 525600, minutes, p)) {
           c.token_lifetime = std::chrono::minutes(minutes);
         }
       }},
      {{"TMEIT_PASSWORD_THREADS", "2",
        "threads hashing passwords (argon2id, 64 MiB each while hashing)"},
       number<&Config::password_threads, 1, 64>},
      {{"TMEIT_PASSWORD_QUEUE", "16",
        "password hashes that may wait for a thread; more get 503 with Retry-After"},
       number<&Config::password_queue, 0, 100000>},
      {{"TMEIT_PHOTO_THREADS", "2",
        "threads processing photo uploads (a 40-megapixel upload holds up to 160 MB while it "
        "decodes)"},
       number<&Config::photo_threads, 1, 64>},
      {{"TMEIT_PHOTO_QUEUE", "4",
        "photo uploads that may wait for a thread; more get 503 with Retry-After"},
       number<&Config::photo_queue, 0, 1000>},
      {{"TMEIT_PHOTO_CACHE_MB", "32",
        "memory for public photos served without a database lookup or object read (0: none); "
        "whether one is still public is asked again every 5 s"},
       number<&Config::photo_cache_mb, 0, 4096>},
      {{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "5",
        "failed logins per account in 15 minutes before 429"},
       number<&Config::login_failures_per_account, 1, 100000>},
      {{"TMEIT_LOGIN_FAILURES_PER_ADDRESS", "20",
        "failed logins per client address in 15 minutes before 429"},
       number<&Config::login_failures_per_address, 1, 100000>},
      {{"TMEIT_SIGN_UPS_PER_ADDRESS", "5", "sign-ups per client address in an hour before 429"},
       number<&Config::sign_ups_per_address, 1, 100000>},
      {{"TMEIT_RESETS_PER_EMAIL", "3", "password reset requests per email in an hour"},
       number<&Config::resets_per_email, 1, 100000>},
      {{"TMEIT_RESETS_PER_ADDRESS", "10",
        "password reset requests per client address in an hour before 429"},
       number<&Config::resets_per_address, 1, 100000>},
      {{"TMEIT_ADMIN_EMAIL", "admin@tmeit.local", "login of the master account `seed` creates"},
       text<&Config::admin_email>},
      {{"TMEIT_ADMIN_PASSWORD", "(required by seed)",
        "password of the master account `seed` creates; at least 12 characters"},
       text<&Config::admin_password>},
      {{"TMEIT_SMTP_URL", "smtp://127.0.0.1:1025",
        "mail server of `worker`: smtp://host:port (STARTTLS when offered) or smtps://host:port"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_url(n, v, {"smtp://", "smtps://"}, c.smtp_url, p);
       }},
      {{"TMEIT_SMTP_USERNAME", "(none)", "SMTP login; unset sends without authentication"},
       text<&Config::smtp_username>},
      {{"TMEIT_SMTP_PASSWORD", "(none)", "SMTP password (secret)"}, text<&Config::smtp_password>},
      {{"TMEIT_MAIL_FROM", "TMEIT <noreply@tmeit.se>", "From of every mail the platform sends"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_mailbox(n, v, c.mail_from, p);
       }},
      {{"TMEIT_MAIL_MAX_ATTEMPTS", "8", "sending attempts per mail before it is marked failed"},
       number<&Config::mail_max_attempts, 1, 100>},
      {{"TMEIT_MAIL_RETRY_BASE_MS", "30000",
        "wait before the first retry of a mail; doubles per attempt, at most one hour"},
       millis<&Config::mail_retry_base, 1, 3600000>},
      {{"TMEIT_WORKER_POLL_MS", "1000", "how often `worker` looks for due mail"},
       millis<&Config::worker_poll, 10, 60000>},
      {{"TMEIT_WORKER_PORT", "8081",
        "TCP port of the worker's /health and /metrics (0 picks a free one)"},
       number<&Config::worker_port, 0, 65535>},
      {{"TMEIT_PUBLIC_URL", "http://localhost:8080", "address of the site, for links in mails"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_url(n, v, {"http://", "https://"}, c.public_url, p);
         while (c.public_url.size() > 1 && c.public_url.back() == '/') c.public_url.pop_back();
       }},
      {{"TMEIT_MONITOR_PROMETHEUS_URL", "http://prometheus:9090",
        "monitor-health: Prometheus, checked ready and scraping the app"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_url(n, v, {"http://", "https://"}, c.monitor_prometheus_url, p);
       }},
      {{"TMEIT_MONITOR_ALERTMANAGER_URL", "http://alertmanager:9093",
        "monitor-health: Alertmanager, checked ready"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_url(n, v, {"http://", "https://"}, c.monitor_alertmanager_url, p);
       }},
      {{"TMEIT_MONITOR_LOKI_URL", "http://loki:3100",
        "monitor-health: Loki, checked ready and holding recent app logs (empty: not checked)"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         c.monitor_loki_url.clear();
         if (!v.empty()) parse_url(n, v, {"http://", "https://"}, c.monitor_loki_url, p);
       }},
      {{"TMEIT_MONITOR_GRAFANA_URL", "http://grafana:3000",
        "monitor-health: Grafana, checked by its /api/health (empty: not checked)"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         c.monitor_grafana_url.clear();
         if (!v.empty()) parse_url(n, v, {"http://", "https://"}, c.monitor_grafana_url, p);
       }},
      {{"TMEIT_MONITOR_APP_UP_QUERY", R"(up{job="tmeit-app"})",
        "monitor-health: PromQL whose every series must be 1 (the app's scrape targets)"},
       text<&Config::monitor_app_up_query>},
      {{"TMEIT_MONITOR_LOKI_QUERY", R"(sum(count_over_time({app="tmeit", component="app"}[10m])))",
        "monitor-health: LogQL counting recent app log lines; must be above 0"},
       text<&Config::monitor_loki_query>},
      {{"TMEIT_MONITOR_INTERVAL_MS", "30000", "monitor-health: time between two rounds of checks"},
       millis<&Config::monitor_interval, 100, 3600000>},
      {{"TMEIT_MONITOR_TIMEOUT_MS", "5000", "monitor-health: time one check may take"},
       millis<&Config::monitor_timeout, 100, 60000>},
      {{"TMEIT_MONITOR_WATCHDOG_MAX_AGE_MS", "600000",
        "monitor-health: a Watchdog notification older than this fails the health"},
       millis<&Config::monitor_watchdog_max_age, 1000, 86400000>},
      {{"TMEIT_LOG_LEVEL", "info", "least severe log level written: debug, info, warn, error"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         if (v != "debug" && v != "info" && v != "warn" && v != "error") {
           p.push_back(std::string(n) + ": expected debug, info, warn or error, got '" +
                       std::string(v) + "'");
         }
         c.log_level = v;
       }},
  };
  static const std::vector<EnvVar> all = [] {
    std::vector<EnvVar> rows = table;
    append_storage_variables(rows);
    return rows;
  }();
  return all;
}

}  // namespace

const std::vector<EnvVarDoc>& environment_variables() {
  static const std::vector<EnvVarDoc> docs = [] {
    std::vector<EnvVarDoc> out;
    for (const auto& var : variables()) out.push_back(var.doc);
    return out;
  }();
  return docs;
}

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error("invalid configuration"), problems_(std::move(problems)) {}

Config load_config(const std::function<const char*(const char*)>& lookup, ConfigNeeds needs) {
  Config config;
  Problems problems;
  for (const auto& var : variables()) {
    const char* value = lookup(var.doc.name);
    if (value != nullptr) var.apply(config, var.doc.name, value, problems);
  }
  if (needs.jwt_secret && config.jwt_secret.size() < 32) {
    problems.emplace_back("TMEIT_JWT_SECRET: required, at least 32 characters");
  }
  if (needs.admin_password && config.admin_password.size() < 12) {
    problems.emplace_back("TMEIT_ADMIN_PASSWORD: required, at least 12 characters");
  }
  if (!problems.empty()) throw ConfigError(std::move(problems));
  return config;
}

Config load_config_from_environment(ConfigNeeds needs) {
  return load_config([](const char* name) { return std::getenv(name); }, needs);
}

}  // namespace tmeit::app
