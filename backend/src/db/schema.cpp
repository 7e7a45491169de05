#include "db/schema.hpp"

#include "db/errors.hpp"

namespace tmeit::db {

boost::asio::awaitable<int> current_schema_version(Pool& pool) {
  try {
    // A named (empty) Params: g++ 12 mishandles temporaries inside co_await expressions.
    const Params no_params;
    const Result result = co_await pool.execute(select_schema_version, no_params);
    co_return static_cast<int>(result.integer(0, 0));
  } catch (const DbError& error) {
    // 42P01 undefined_table: no migration has run yet.
    if (error.sqlstate() != "42P01") throw;
  }
  co_return 0;
}

}  // namespace tmeit::db
