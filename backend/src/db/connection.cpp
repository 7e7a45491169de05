#include "db/connection.hpp"

#include "db/conninfo.hpp"
#include "db/errors.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace tmeit::db {
namespace asio = boost::asio;
using WaitType = asio::posix::descriptor_base::wait_type;

namespace {

/// A wait on libpq's socket, shared with the deadline timer's handler, which may run after the
/// wait finished; the descriptor never closes the socket because libpq owns it.
struct SocketWait {
  explicit SocketWait(const asio::any_io_executor& executor) : descriptor(executor) {}
  SocketWait(const SocketWait&) = delete;
  SocketWait& operator=(const SocketWait&) = delete;
  ~SocketWait() { release(); }

  void release() {
    if (descriptor.is_open()) descriptor.release();
  }

  asio::posix::stream_descriptor descriptor;
  bool timed_out = false;
};

void log_notice(void* logger, const char* message) {
  static_cast<const app::Logger*>(logger)->debug("database notice",
                                                 {{"notice", clean_message(message)}});
}

/// SQLSTATEs that mean the session is gone (connection exceptions, server shutting down).
bool is_connection_failure(const std::string& sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03" || sqlstate == "25P03";
}

std::string error_field(const PGresult* result, int field) {
  const char* value = PQresultErrorField(result, field);
  return value != nullptr ? value : "";
}

/// Looks `host` up off the I/O threads (Asio's resolver thread) so libpq need not block.
asio::awaitable<std::string> resolve(const std::string& host,
                                     Connection::Clock::time_point deadline) {
  const auto executor = co_await asio::this_coro::executor;
  auto resolver = std::make_shared<asio::ip::tcp::resolver>(executor);
  asio::steady_timer timer(executor, deadline);
  timer.async_wait([resolver](const boost::system::error_code& ec) {
    if (!ec) resolver->cancel();
  });
  boost::system::error_code ec;
  const auto results =
      co_await resolver->async_resolve(host, "", asio::redirect_error(asio::use_awaitable, ec));
  timer.cancel();
  if (ec == asio::error::operation_aborted) {
    throw DbUnavailable("database host lookup timed out for '" + host + "'");
  }
  if (ec || results.empty()) {
    throw DbUnavailable("cannot resolve database host '" + host + "': " + ec.message());
  }
  co_return results.begin()->endpoint().address().to_string();
}

/// Whether an idle connection's socket is still open: an idle server says nothing unprompted
/// except goodbye (an error message, then the end of the stream).
bool socket_quiet(PGconn* conn) {
  const int fd = PQsocket(conn);
  for (int round = 0; round < 2; ++round) {
    char byte = 0;
    const ssize_t peeked = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return true;
    if (peeked <= 0) return false;
    // Let libpq read what is there: a farewell error becomes a notice, TLS records vanish.
    if (PQconsumeInput(conn) == 0 || PQisBusy(conn) != 0 || PQstatus(conn) != CONNECTION_OK) {
      return false;
    }
  }
  return true;
}

}  // namespace

Connection::Connection(PgConnPtr conn, std::chrono::milliseconds timeout, std::string secret)
    : conn_(std::move(conn)), timeout_(timeout), secret_(std::move(secret)) {}

asio::awaitable<std::unique_ptr<Connection>> Connection::open(
    const std::string& conninfo, std::chrono::milliseconds connect_timeout,
    std::chrono::milliseconds query_timeout, const app::Logger* logger) {
  const auto deadline = Clock::now() + connect_timeout;
  ConnectParams params = parse_conninfo(conninfo);
  if (!params.host_to_resolve.empty()) {
    params.set("hostaddr", co_await resolve(params.host_to_resolve, deadline));
  }
  // Names us in pg_stat_activity unless the connection string chose a name.
  params.set("fallback_application_name", "tmeit");
  std::vector<const char*> keywords;
  std::vector<const char*> values;
  for (std::size_t i = 0; i < params.keywords.size(); ++i) {
    keywords.push_back(params.keywords[i].c_str());
    values.push_back(params.values[i].c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);

  PgConnPtr conn(PQconnectStartParams(keywords.data(), values.data(), 0));
  if (!conn) throw DbUnavailable("cannot connect to the database: out of memory");
  if (logger != nullptr) {
    // libpq prints notices to stderr unless told otherwise; ours go through the JSON log.
    PQsetNoticeProcessor(conn.get(), &log_notice, const_cast<app::Logger*>(logger));
  }
  auto connection = std::make_unique<Connection>(std::move(conn), query_timeout, params.password);
  PGconn* raw = connection->conn_.get();
  if (PQstatus(raw) == CONNECTION_BAD) connection->fail("connection failed");

  // libpq's asynchronous connect: poll, then wait for whatever the socket must become next.
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  while (status != PGRES_POLLING_OK) {
    if (status == PGRES_POLLING_FAILED) connection->fail("connection failed");
    co_await connection->wait(
        status == PGRES_POLLING_READING ? WaitType::wait_read : WaitType::wait_write, deadline);
    status = PQconnectPoll(raw);
  }
  if (PQsetnonblocking(raw, 1) != 0) connection->fail("cannot switch to non-blocking mode");
  co_return connection;
}

void Connection::fail(const std::string& what) {
  broken_ = true;
  const std::string detail = clean_message(PQerrorMessage(conn_.get()), secret_);
  throw DbUnavailable("database " + what + (detail.empty() ? "" : ": " + detail));
}

void Connection::throw_if_unusable() const {
  if (broken_) throw DbUnavailable("database connection is broken");
}

bool Connection::idle() const {
  return PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
}

asio::awaitable<void> Connection::wait(WaitType type, Clock::time_point deadline) {
  if (Clock::now() >= deadline) {
    broken_ = true;
    throw DbUnavailable("database did not answer within " + std::to_string(timeout_.count()) +
                        " ms");
  }
  // The socket can change while connecting, so it is looked up and registered for each wait.
  const int fd = PQsocket(conn_.get());
  if (fd < 0) fail("connection lost");
  const auto executor = co_await asio::this_coro::executor;
  auto state = std::make_shared<SocketWait>(executor);
  boost::system::error_code ec;
  state->descriptor.assign(fd, ec);
  if (ec) fail("socket cannot be watched (" + ec.message() + ")");

  // Never PQcancel on timeout: it blocks. The connection is dropped instead.
  asio::steady_timer timer(executor, deadline);
  timer.async_wait([state](const boost::system::error_code& timer_ec) {
    if (timer_ec) return;
    state->timed_out = true;
    boost::system::error_code ignored;
    state->descriptor.cancel(ignored);
  });
  co_await state->descriptor.async_wait(type, asio::redirect_error(asio::use_awaitable, ec));
  timer.cancel();
  state->release();
  if (ec == asio::error::operation_aborted && state->timed_out) {
    broken_ = true;
    throw DbUnavailable("database did not answer within " + std::to_string(timeout_.count()) +
                        " ms");
  }
  if (ec) fail("socket wait failed (" + ec.message() + ")");
}

asio::awaitable<void> Connection::flush(Clock::time_point deadline) {
  // Requests are small, so waiting for write space alone cannot deadlock against a server
  // that is itself blocked sending to us.
  for (;;) {
    const int pending = PQflush(conn_.get());
    if (pending == 0) co_return;
    if (pending < 0) fail("send failed");
    co_await wait(WaitType::wait_write, deadline);
  }
}

asio::awaitable<PgResultPtr> Connection::collect(Clock::time_point deadline, const char* what) {
  PgResultPtr last;
  PgResultPtr error;
  for (;;) {
    while (PQisBusy(conn_.get()) != 0) {
      co_await wait(WaitType::wait_read, deadline);
      if (PQconsumeInput(conn_.get()) == 0) fail("connection lost");
    }
    PgResultPtr result(PQgetResult(conn_.get()));
    if (!result) break;
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      broken_ = true;
      throw std::logic_error(std::string(what) + ": COPY is not supported by db::Connection");
    }
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) {
      if (!error) error = std::move(result);
    } else {
      last = std::move(result);
    }
  }
  if (PQstatus(conn_.get()) == CONNECTION_BAD) fail("connection lost");
  if (error) {
    const std::string sqlstate = error_field(error.get(), PG_DIAG_SQLSTATE);
    const std::string message =
        clean_message(error_field(error.get(), PG_DIAG_MESSAGE_PRIMARY), secret_);
    if (is_connection_failure(sqlstate)) {
      broken_ = true;
      throw DbUnavailable("database connection closed by the server: " + message);
    }
    throw DbError(std::string(what) + ": " + message, sqlstate,
                  error_field(error.get(), PG_DIAG_CONSTRAINT_NAME));
  }
  co_return last;
}

asio::awaitable<void> Connection::prepare(const Statement& statement, Clock::time_point deadline) {
  if (PQsendPrepare(conn_.get(), statement.name, statement.sql, 0, nullptr) == 0) {
    fail("send failed");
  }
  co_await flush(deadline);
  co_await collect(deadline, statement.name);
  prepared_.emplace(statement.name);
}

asio::awaitable<PgResultPtr> Connection::run_prepared(const Statement& statement,
                                                      const Params& params,
                                                      Clock::time_point deadline) {
  if (params.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::invalid_argument(std::string(statement.name) + ": too many parameters");
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  if (PQsendQueryPrepared(conn_.get(), statement.name, static_cast<int>(values.size()),
                          values.data(), nullptr, nullptr, 0) == 0) {
    fail("send failed");
  }
  co_await flush(deadline);
  request_sent_ = true;
  co_return co_await collect(deadline, statement.name);
}

asio::awaitable<Result> Connection::execute(const Statement& statement, const Params& params) {
  throw_if_unusable();
  request_sent_ = false;
  const auto deadline = Clock::now() + timeout_;
  if (!prepared_.contains(statement.name)) co_await prepare(statement, deadline);
  bool replan = false;
  try {
    co_return Result(co_await run_prepared(statement, params, deadline));
  } catch (const DbError& error) {
    // 0A000 here is "cached plan must not change result type": a migration changed a table
    // under a statement prepared before it. Outside a transaction, preparing again is safe.
    if (error.sqlstate() != "0A000" || !idle()) throw;
    replan = true;
  }
  if (replan) {
    PgStringPtr name(PQescapeIdentifier(conn_.get(), statement.name, std::strlen(statement.name)));
    if (!name) fail("cannot quote a statement name");
    const std::string deallocate = "DEALLOCATE " + std::string(name.get());
    co_await execute_simple(deallocate.c_str());
    prepared_.erase(statement.name);
    co_await prepare(statement, deadline);
  }
  co_return Result(co_await run_prepared(statement, params, deadline));
}

asio::awaitable<Result> Connection::execute_simple(const char* sql) {
  throw_if_unusable();
  request_sent_ = false;
  const auto deadline = Clock::now() + timeout_;
  if (PQsendQuery(conn_.get(), sql) == 0) fail("send failed");
  co_await flush(deadline);
  request_sent_ = true;
  co_return Result(co_await collect(deadline, "query"));
}

bool Connection::check_alive() {
  if (!broken_ && PQstatus(conn_.get()) == CONNECTION_OK && socket_quiet(conn_.get())) return true;
  broken_ = true;
  return false;
}

}  // namespace tmeit::db
