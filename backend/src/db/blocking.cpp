#include "db/blocking.hpp"

#include "db/conninfo.hpp"
#include "db/errors.hpp"

namespace tmeit::db {

PgConnPtr connect_blocking(const std::string& conninfo, const char* application_name,
                           int connect_timeout_seconds) {
  const std::string secret = parse_conninfo(conninfo).password;
  // The string goes in as "dbname" to be expanded; the later keywords add to it.
  const std::string timeout = std::to_string(connect_timeout_seconds);
  const char* keywords[] = {"dbname", "connect_timeout", "fallback_application_name", nullptr};
  const char* values[] = {conninfo.c_str(), timeout.c_str(), application_name, nullptr};
  PgConnPtr conn(PQconnectdbParams(keywords, values, 1));
  if (!conn) throw DbUnavailable("cannot connect to the database: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw DbUnavailable("cannot connect to the database: " +
                        clean_message(PQerrorMessage(conn.get()), secret));
  }
  return conn;
}

std::string result_field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value != nullptr ? value : "";
}

PgResultPtr exec_blocking(PGconn* conn, const char* sql, const std::vector<std::string>& params,
                          const std::string& secret) {
  std::vector<const char*> values;
  for (const auto& param : params) values.push_back(param.c_str());
  PgResultPtr result(params.empty() ? PQexec(conn, sql)
                                    : PQexecParams(conn, sql, static_cast<int>(values.size()),
                                                   nullptr, values.data(), nullptr, nullptr, 0));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return result;
  }
  if (!result || PQstatus(conn) != CONNECTION_OK) {
    throw DbUnavailable("database connection lost: " + clean_message(PQerrorMessage(conn), secret));
  }
  throw DbError(clean_message(PQresultErrorMessage(result.get()), secret),
                result_field(result.get(), PG_DIAG_SQLSTATE));
}

std::string scalar_blocking(PGconn* conn, const char* sql, const std::vector<std::string>& params,
                            const std::string& secret) {
  const PgResultPtr result = exec_blocking(conn, sql, params, secret);
  if (PQntuples(result.get()) < 1 || PQnfields(result.get()) < 1) {
    throw DbError(std::string("no rows from: ") + sql, "");
  }
  return PQgetvalue(result.get(), 0, 0);
}

}  // namespace tmeit::db
