#include "db/conninfo.hpp"

#include "db/errors.hpp"
#include "db/pg_handles.hpp"

#include <utility>

#include <boost/asio/ip/address.hpp>

#include <cstdlib>

namespace tmeit::db {
namespace {

/// The value of an environment variable, or "" when unset.
std::string environment(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read-only use
  return value != nullptr ? value : "";
}

/// Whether libpq would have to look `host` up in DNS (and so block) to connect.
bool needs_lookup(const std::string& host) {
  // Unix-domain socket directories, the abstract namespace, and host lists are left to libpq.
  if (host.empty() || host.front() == '/' || host.front() == '@') return false;
  if (host.find(',') != std::string::npos) return false;
  boost::system::error_code ec;
  boost::asio::ip::make_address(host, ec);
  return static_cast<bool>(ec);
}

}  // namespace

void ConnectParams::set(const std::string& keyword, const std::string& value) {
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    if (keywords[i] == keyword) {
      values[i] = value;
      return;
    }
  }
  keywords.push_back(keyword);
  values.push_back(value);
}

ConnectParams parse_conninfo(const std::string& conninfo) {
  char* raw_error = nullptr;
  PgConninfoPtr options(PQconninfoParse(conninfo.c_str(), &raw_error));
  PgStringPtr error(raw_error);
  if (!options) {
    // libpq's message may quote part of the string, which may hold the password.
    throw DbUnavailable(
        "invalid database connection string (DATABASE_URL); not shown because it may hold a "
        "password");
  }
  ConnectParams params;
  std::string host = environment("PGHOST");
  std::string hostaddr = environment("PGHOSTADDR");
  params.password = environment("PGPASSWORD");
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string keyword = option->keyword;
    params.set(keyword, option->val);
    if (keyword == "host") host = option->val;
    if (keyword == "hostaddr") hostaddr = option->val;
    if (keyword == "password") params.password = option->val;
  }
  if (hostaddr.empty() && needs_lookup(host)) params.host_to_resolve = host;
  return params;
}

std::string clean_message(std::string_view message, std::string_view secret) {
  std::string line;
  line.reserve(message.size());
  bool pending_space = false;
  for (const char c : message) {
    if (c == '\n' || c == '\r' || c == '\t') {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space && c != ' ') line.push_back(' ');
    pending_space = false;
    line.push_back(c);
  }
  if (!secret.empty()) {
    for (auto at = line.find(secret); at != std::string::npos; at = line.find(secret, at + 3)) {
      line.replace(at, secret.size(), "***");
    }
  }
  return line;
}

}  // namespace tmeit::db
