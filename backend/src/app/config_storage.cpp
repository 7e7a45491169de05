#include "app/config_table.hpp"

#include <cctype>

namespace tmeit::app::config_table {
namespace {

void parse_choice(std::string_view name, std::string_view value,
                  std::initializer_list<std::string_view> choices, std::string& out,
                  Problems& problems) {
  std::string expected;
  for (auto choice : choices) {
    if (value == choice) {
      out = value;
      return;
    }
    expected += (expected.empty() ? "" : ", ") + std::string(choice);
  }
  problems.push_back(std::string(name) + ": expected one of " + expected + ", got '" +
                     std::string(value) + "'");
}

void parse_bool(std::string_view name, std::string_view value, bool& out, Problems& problems) {
  if (value == "true" || value == "1") {
    out = true;
  } else if (value == "false" || value == "0") {
    out = false;
  } else {
    problems.push_back(std::string(name) + ": expected true or false, got '" + std::string(value) +
                       "'");
  }
}

/// age recipients: "age1..." keys (or ssh-ed25519/ssh-rsa public keys), separated by commas
/// or whitespace. Checked here so a typo fails the configuration, not the first backup.
void parse_recipients(std::string_view name, std::string_view value, std::vector<std::string>& out,
                      Problems& problems) {
  out.clear();
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    const bool ok = (current.starts_with("age1") && current.size() > 20) ||
                    current.starts_with("ssh-ed25519") || current.starts_with("ssh-rsa");
    if (!ok) {
      problems.push_back(std::string(name) + ": '" + current.substr(0, 12) +
                         "...' is not an age recipient (age1...)");
    }
    out.push_back(current);
    current.clear();
  };
  for (const char c : value) {
    if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
}

}  // namespace

void append_storage_variables(std::vector<EnvVar>& rows) {
  static const std::vector<EnvVar> storage = {
      {{"TMEIT_STORAGE_BACKEND", "none", "object storage: none, folder (TMEIT_STORAGE_DIR) or s3"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_choice(n, v, {"none", "folder", "s3"}, c.storage_backend, p);
       }},
      {{"TMEIT_STORAGE_DIR", "(none)", "root folder of the folder backend"},
       text<&Config::storage_dir>},
      {{"TMEIT_S3_ENDPOINT", "(none)",
        "S3 API endpoint, e.g. https://s3.eu-central-003.backblazeb2.com"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_url(n, v, {"http://", "https://"}, c.s3_endpoint, p);
       }},
      {{"TMEIT_S3_REGION", "us-east-1", "region the requests are signed for"},
       text<&Config::s3_region>},
      {{"TMEIT_S3_BUCKET", "(none)", "bucket of the photos (and of backups by default)"},
       text<&Config::s3_bucket>},
      {{"TMEIT_S3_ACCESS_KEY_ID", "(none)", "S3 access key id"}, text<&Config::s3_access_key_id>},
      {{"TMEIT_S3_SECRET_ACCESS_KEY", "(none)", "S3 secret key (secret)"},
       text<&Config::s3_secret_access_key>},
      {{"TMEIT_S3_PATH_STYLE", "true",
        "true: https://host/bucket/key (MinIO, B2, Hetzner); false: https://bucket.host/key"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_bool(n, v, c.s3_path_style, p);
       }},
      {{"TMEIT_S3_TIMEOUT_MS", "300000", "longest one S3 request may take"},
       millis<&Config::s3_timeout, 100, 3600000>},
      {{"TMEIT_S3_CONNECT_TIMEOUT_MS", "10000", "longest an S3 connection may take to open"},
       millis<&Config::s3_connect_timeout, 100, 600000>},
      {{"TMEIT_S3_MAX_ATTEMPTS", "4",
        "tries per S3 request on 5xx and network failures (never on 4xx)"},
       number<&Config::s3_max_attempts, 1, 20>},
      {{"TMEIT_S3_RETRY_BASE_MS", "500", "wait before the first S3 retry; doubles per retry"},
       millis<&Config::s3_retry_base, 1, 60000>},
      {{"TMEIT_BACKUP_STORAGE", "(TMEIT_STORAGE_BACKEND)", "where backups go: none, folder or s3"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_choice(n, v, {"none", "folder", "s3"}, c.backup_storage, p);
       }},
      {{"TMEIT_BACKUP_STORAGE_DIR", "(TMEIT_STORAGE_DIR)", "root folder of folder backups"},
       text<&Config::backup_storage_dir>},
      {{"TMEIT_BACKUP_S3_BUCKET", "(TMEIT_S3_BUCKET)", "bucket of the backups"},
       text<&Config::backup_s3_bucket>},
      {{"TMEIT_BACKUP_S3_ACCESS_KEY_ID", "(TMEIT_S3_ACCESS_KEY_ID)",
        "S3 key of this backup role (writer: put only; pruner: delete)"},
       text<&Config::backup_s3_access_key_id>},
      {{"TMEIT_BACKUP_S3_SECRET_ACCESS_KEY", "(TMEIT_S3_SECRET_ACCESS_KEY)",
        "secret of that key (secret)"},
       text<&Config::backup_s3_secret_access_key>},
      {{"TMEIT_BACKUP_AGE_RECIPIENTS", "(required by backup run)",
        "age public keys (age1...) backups are encrypted to, comma-separated"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_recipients(n, v, c.backup_age_recipients, p);
       }},
      {{"TMEIT_BACKUP_AGE_IDENTITY_FILE", "(required by restore and drill)",
        "file with the age private key that decrypts backups; never in the app's Pods"},
       text<&Config::backup_age_identity_file>},
      {{"TMEIT_BACKUP_MAX_AGE_DAYS", "(keep)",
        "delete even monthly backups older than this many days (at least 400); unset keeps them"},
       number<&Config::backup_max_age_days, 400, 36500>},
      {{"TMEIT_BACKUP_OBJECT_LOCK_DAYS", "0",
        "S3 Object Lock (COMPLIANCE) on new backups for this many days; 0 = none"},
       number<&Config::backup_object_lock_days, 0, 3650>},
      {{"TMEIT_BACKUP_PART_SIZE_BYTES", "8388608",
        "multipart part size (S3 wants >= 5 MiB); bounds the backup's memory"},
       number<&Config::backup_part_size, (64 * 1024), (std::size_t{1} << 30)>},
      {{"TMEIT_BACKUP_WORK_DIR", "/tmp", "where a restore keeps the downloaded backup"},
       text<&Config::backup_work_dir>},
      {{"TMEIT_BACKUP_LOCK_WAIT_MS", "60000",
        "how long pg_dump waits for a table lock (a migration) before the backup fails"},
       millis<&Config::backup_lock_wait, 100, 3600000>},
      {{"TMEIT_BACKUP_SCHEDULE", "off",
        "hourly: `tmeit worker` backs up and prunes every hour (single-machine installs)"},
       [](Config& c, std::string_view n, std::string_view v, Problems& p) {
         parse_choice(n, v, {"off", "hourly"}, c.backup_schedule, p);
       }},
      {{"TMEIT_BACKUP_DRILL_DATABASE_URL", "(required by drill)",
        "scratch PostgreSQL the drill restores into (emptied first)"},
       text<&Config::backup_drill_database_url>},
      {{"TMEIT_AGE_BINARY", "age", "the age program (encryption of backups)"},
       text<&Config::age_binary>},
      {{"TMEIT_PG_BIN_DIR", "(PATH)", "folder of pg_dump and pg_restore"},
       text<&Config::pg_bin_dir>},
  };
  rows.insert(rows.end(), storage.begin(), storage.end());
}

}  // namespace tmeit::app::config_table
