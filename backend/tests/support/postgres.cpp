#include "support/postgres.hpp"

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "support/paths.hpp"
#include "support/subprocess.hpp"

namespace tmeit::test {
namespace {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

std::string random_suffix() {
  std::random_device device;
  std::mt19937_64 engine(device());
  std::uniform_int_distribution<int> digit(0, 35);
  std::string out;
  for (int i = 0; i < 12; ++i) out += "0123456789abcdefghijklmnopqrstuvwxyz"[digit(engine)];
  return out;
}

/// Runs a statement on the shared cluster's maintenance database.
void admin_exec(std::uint16_t port, const std::string& sql) {
  PgConnection admin(database_url(port, "postgres"));
  admin.query(sql);
}

}  // namespace

std::uint16_t free_port() {
  UniqueFd fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) throw std::system_error(errno, std::generic_category(), "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  auto* generic = reinterpret_cast<sockaddr*>(&address);
  socklen_t length = sizeof address;
  if (bind(fd.get(), generic, length) != 0 || getsockname(fd.get(), generic, &length) != 0) {
    throw std::system_error(errno, std::generic_category(), "bind/getsockname");
  }
  return ntohs(address.sin_port);
}

std::uint16_t shared_cluster_port() {
  std::filesystem::path port_file = std::string(paths::shared_pg_dir) + ".port";
  if (!std::filesystem::exists(port_file)) {
    throw std::runtime_error("no shared PostgreSQL cluster (" + port_file.string() +
                             " missing): run the tests through ctest, which starts the `pg` "
                             "fixture, or run `pg_fixture start` first");
  }
  return static_cast<std::uint16_t>(std::stoi(read_file(port_file)));
}

std::string database_url(std::uint16_t port, const std::string& database) {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/" + database;
}

void pg_cluster(const std::vector<std::string>& args, bool durable) {
  std::vector<std::string> argv{paths::pg_cluster};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result =
      run_command(argv, clean_environment({{"TMEIT_PG_FAST", durable ? "0" : "1"}}), 120s);
  if (result.exit_code != 0) {
    std::string joined;
    for (const auto& arg : argv) joined += arg + " ";
    throw std::runtime_error(joined + "failed (exit " + std::to_string(result.exit_code) +
                             "): " + result.output);
  }
}

void PgConnection::Deleter::operator()(PGconn* conn) const {
  PQfinish(conn);
}

PgConnection::PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
  if (!conn_) throw std::runtime_error("PQconnectdb: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot connect to " + url + ": " + PQerrorMessage(conn_.get()));
  }
}

PgConnection::~PgConnection() = default;
PgConnection::PgConnection(PgConnection&&) noexcept = default;
PgConnection& PgConnection::operator=(PgConnection&&) noexcept = default;

std::vector<std::vector<std::optional<std::string>>> PgConnection::query(const std::string& sql) {
  ResultPtr result(PQexec(conn_.get(), sql.c_str()));
  auto status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw std::runtime_error("query failed: " + sql + ": " + PQerrorMessage(conn_.get()));
  }
  std::vector<std::vector<std::optional<std::string>>> rows;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    auto& out = rows.emplace_back();
    for (int col = 0; col < PQnfields(result.get()); ++col) {
      if (PQgetisnull(result.get(), row, col)) {
        out.emplace_back();
      } else {
        out.emplace_back(PQgetvalue(result.get(), row, col));
      }
    }
  }
  return rows;
}

std::string PgConnection::scalar(const std::string& sql) {
  auto rows = query(sql);
  if (rows.empty() || rows[0].empty() || !rows[0][0]) {
    throw std::runtime_error("no value from: " + sql);
  }
  return *rows[0][0];
}

TestDatabase::TestDatabase()
    : port_(shared_cluster_port()),
      name_("t_" + random_suffix()),
      url_(database_url(port_, name_)) {
  admin_exec(port_, "CREATE DATABASE " + name_);
}

TestDatabase::~TestDatabase() {
  try {
    admin_exec(port_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // A database left behind is removed with the whole cluster by the fixture's cleanup.
  }
}

PrivateCluster::PrivateCluster(bool durable)
    : data_dir_((dir_.path() / "pg").string()), port_(free_port()), durable_(durable) {
  pg_cluster({"init", data_dir_}, durable_);
  start();
}

PrivateCluster::~PrivateCluster() {
  if (!running_) return;
  try {
    stop("immediate");
  } catch (const std::exception&) {
    // The temp folder goes away anyway; a stray postmaster exits once its folder is gone.
  }
}

void PrivateCluster::start() {
  pg_cluster({"start", data_dir_, std::to_string(port_)}, durable_);
  running_ = true;
}

void PrivateCluster::stop(const std::string& mode) {
  pg_cluster({"stop", data_dir_, mode}, durable_);
  running_ = false;
}

std::string PrivateCluster::url(const std::string& database) const {
  return database_url(port_, database);
}

}  // namespace tmeit::test
