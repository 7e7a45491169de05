#include "support/backup_setup.hpp"

#include <stdexcept>

#include "support/paths.hpp"

namespace tmeit::test {

BackupSetup::BackupSetup() {
  identity_file = (dir.path() / "backup-identity.txt").string();
  const auto made = run_command({"/usr/bin/env", "age-keygen", "-o", identity_file}, {});
  const auto at = made.err.find("age1");
  if (made.exit_code != 0 || at == std::string::npos) {
    throw std::runtime_error("age-keygen failed: " + made.output);
  }
  recipient = made.err.substr(at, made.err.find_first_of("\r\n", at) - at);
}

Environment BackupSetup::env(bool writer_key, const Environment& extra) const {
  Environment env = s3.backup_env(writer_key);
  env["DATABASE_URL"] = server.database().url();
  env["TMEIT_BACKUP_AGE_RECIPIENTS"] = recipient;
  env["TMEIT_BACKUP_AGE_IDENTITY_FILE"] = identity_file;
  env["TMEIT_BACKUP_PART_SIZE_BYTES"] = "65536";
  env["TMEIT_BACKUP_WORK_DIR"] = dir.path().string();
  env["TMEIT_MIGRATIONS_DIR"] = paths::migrations_dir;
  for (const auto& [name, value] : extra) env[name] = value;
  return env;
}

RunResult BackupSetup::backup(const std::vector<std::string>& args, const Environment& extra,
                              bool writer_key) const {
  std::vector<std::string> all{"backup"};
  all.insert(all.end(), args.begin(), args.end());
  return run_tmeit(all, env(writer_key, extra), 120s);
}

RunResult BackupSetup::backup_with_input(const std::vector<std::string>& args,
                                         const std::string& input) const {
  const auto file = dir.write("stdin.txt", input);
  std::string command = "exec \"$0\" backup";
  for (std::size_t i = 0; i < args.size(); ++i) command += " \"$" + std::to_string(i + 1) + "\"";
  command += " < \"" + file.string() + "\"";
  std::vector<std::string> argv{"/bin/sh", "-c", command, paths::tmeit_binary};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, clean_environment(env()), 60s);
}

std::vector<std::string> BackupSetup::keys(const std::string& prefix) const {
  std::vector<std::string> out;
  for (const auto& object : store().list_all(prefix)) out.push_back(object.key);
  return out;
}

std::vector<std::string> BackupSetup::backup_keys() const {
  std::vector<std::string> out;
  for (const auto& key : keys()) {
    if (key.ends_with(".dump.age")) out.push_back(key);
  }
  return out;
}

std::string BackupSetup::object(const std::string& key) const {
  std::string body;
  store().get(key, [&body](std::string_view chunk) { body.append(chunk); });
  return body;
}

void BackupSetup::add_bulk_events(int count) {
  server.database().connect().query(
      "INSERT INTO events (title, description, location, event_start, visibility) "
      "SELECT 'Bulk ' || i, (SELECT string_agg(md5(i::text || '-' || j::text), '') "
      "FROM generate_series(1, 40) j), 'Pub', now() + i * interval '1 day', 'public' "
      "FROM generate_series(1, " +
      std::to_string(count) + ") i");
}

}  // namespace tmeit::test
