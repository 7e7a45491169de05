#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

typedef struct pg_conn PGconn;

namespace tmeit::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick).
std::uint16_t free_port();

/// Port of the cluster the ctest fixture `pg` started (written by pg_fixture next to its folder).
std::uint16_t shared_cluster_port();

/// A libpq URI for the superuser `postgres` on 127.0.0.1:`port`.
std::string database_url(std::uint16_t port, const std::string& database);

/// Runs scripts/pg-cluster with `args` (in its fast, non-durable mode unless `durable`); throws
/// with its output when it fails.
void pg_cluster(const std::vector<std::string>& args, bool durable = false);

/// A plain libpq connection for assertions about the database.
class PgConnection {
 public:
  explicit PgConnection(const std::string& url);
  ~PgConnection();
  PgConnection(PgConnection&&) noexcept;
  PgConnection& operator=(PgConnection&&) noexcept;

  /// Runs `sql` (no parameters) and returns all rows; NULL is nullopt. Throws on error.
  std::vector<std::vector<std::optional<std::string>>> query(const std::string& sql);
  /// The first column of the first row; throws when there is none or it is NULL.
  std::string scalar(const std::string& sql);

 private:
  struct Deleter {
    void operator()(PGconn* conn) const;
  };
  std::unique_ptr<PGconn, Deleter> conn_;
};

/// A database of its own on the shared cluster, dropped (with its connections) on destruction.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  const std::string& url() const { return url_; }
  PgConnection connect() const { return PgConnection(url_); }

 private:
  std::uint16_t port_;
  std::string name_;
  std::string url_;
};

/// A private PostgreSQL cluster in a temp folder, for tests that stop and start the server.
class PrivateCluster {
 public:
  /// Creates and starts the cluster on a free port. Fast (no fsync, asynchronous commit) unless
  /// `durable`: as in production, every acknowledged commit then survives a crash.
  explicit PrivateCluster(bool durable = false);
  /// Stops the cluster (immediate) if it still runs.
  ~PrivateCluster();
  PrivateCluster(const PrivateCluster&) = delete;
  PrivateCluster& operator=(const PrivateCluster&) = delete;

  void start();
  void stop(const std::string& mode = "fast");
  std::uint16_t port() const { return port_; }
  std::string url(const std::string& database = "postgres") const;

 private:
  TempDir dir_;
  std::string data_dir_;
  std::uint16_t port_;
  bool durable_;
  bool running_ = false;
};

}  // namespace tmeit::test
