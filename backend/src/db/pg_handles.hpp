#pragma once

#include <libpq-fe.h>

#include <memory>

namespace tmeit::db {

/// Closes a libpq connection (and its socket) when the owner goes away.
struct PgConnDeleter {
  void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};

/// Frees a libpq result when the owner goes away.
struct PgResultDeleter {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};

/// Frees the option array PQconninfoParse returns.
struct PgConninfoDeleter {
  void operator()(PQconninfoOption* options) const noexcept { PQconninfoFree(options); }
};

/// Frees memory libpq allocated for us (error messages of PQconninfoParse, escaped strings).
struct PgFreemem {
  void operator()(char* text) const noexcept { PQfreemem(text); }
};

/// Owner of a PGconn.
using PgConnPtr = std::unique_ptr<PGconn, PgConnDeleter>;
/// Owner of a PGresult.
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;
/// Owner of a PQconninfoOption array.
using PgConninfoPtr = std::unique_ptr<PQconninfoOption, PgConninfoDeleter>;
/// Owner of a string allocated by libpq.
using PgStringPtr = std::unique_ptr<char, PgFreemem>;

}  // namespace tmeit::db
