#include "backup/tools.hpp"

#include "db/conninfo.hpp"

namespace tmeit::backup::tools {
namespace {

std::string program(const app::Config& config, const char* name) {
  return config.pg_bin_dir.empty() ? std::string(name) : config.pg_bin_dir + "/" + name;
}

/// libpq's quoting for a value in a key='value' connection string.
std::string quote(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

/// `conninfo` as a keyword string without the password, plus PGPASSWORD when there was one.
void connect_to(util::Command& command, const std::string& conninfo) {
  const db::ConnectParams params = db::parse_conninfo(conninfo);
  std::string text;
  for (std::size_t i = 0; i < params.keywords.size(); ++i) {
    if (params.keywords[i] == "password") continue;
    text += (text.empty() ? "" : " ") + params.keywords[i] + "=" + quote(params.values[i]);
  }
  if (!text.empty()) command.argv.push_back("--dbname=" + text);
  if (!params.password.empty()) command.env["PGPASSWORD"] = params.password;
  command.argv.emplace_back("--no-password");
}

}  // namespace

util::Command pg_dump(const app::Config& config, const std::string& conninfo,
                      const std::string& snapshot) {
  util::Command command{{program(config, "pg_dump"), "--format=custom", "--snapshot=" + snapshot,
                         "--lock-wait-timeout=" + std::to_string(config.backup_lock_wait.count())}};
  connect_to(command, conninfo);
  return command;
}

util::Command pg_restore(const app::Config& config, const std::string& conninfo, bool clean) {
  util::Command command{{program(config, "pg_restore"), "--single-transaction", "--exit-on-error",
                         "--no-owner", "--no-privileges"}};
  if (clean) {
    command.argv.emplace_back("--clean");
    command.argv.emplace_back("--if-exists");
  }
  connect_to(command, conninfo);
  return command;
}

util::Command age_encrypt(const app::Config& config) {
  util::Command command{{config.age_binary, "--encrypt"}};
  for (const auto& recipient : config.backup_age_recipients) {
    command.argv.emplace_back("--recipient");
    command.argv.push_back(recipient);
  }
  return command;
}

util::Command age_decrypt(const app::Config& config) {
  return {{config.age_binary, "--decrypt", "--identity", config.backup_age_identity_file}};
}

}  // namespace tmeit::backup::tools
