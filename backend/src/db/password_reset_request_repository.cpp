#include "db/password_reset_request_repository.hpp"

#include "db/member_repository.hpp"

namespace tmeit::db::password_reset_requests {
namespace {

constexpr Statement insert_request{"password_reset_requests_insert",
                                   "INSERT INTO password_reset_requests (email) VALUES ($1)"};

/// Deletes the oldest free request and finds its member (member_columns lives in another file,
/// so the text is put together at first use).
const Statement& take_statement() {
  static const std::string sql =
      std::string(
          "WITH taken AS (DELETE FROM password_reset_requests WHERE id = ("
          "  SELECT id FROM password_reset_requests ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
          "  RETURNING email) "
          "SELECT taken.email, ") +
      member_columns() + " FROM taken LEFT JOIN members ON lower(login_email) = lower(taken.email)";
  static const Statement statement{"password_reset_requests_take", sql.c_str()};
  return statement;
}

}  // namespace

boost::asio::awaitable<void> enqueue(Pool& pool, const std::string& email) {
  const Params params{email};
  co_await pool.execute(insert_request, params);
}

boost::asio::awaitable<std::optional<TakenRequest>> take_next(Transaction& transaction) {
  auto result = co_await transaction.execute(take_statement());
  if (result.rows() == 0) co_return std::nullopt;
  TakenRequest request;
  request.email = result.text(0, 0);
  // Without a member every member column is NULL, the uuid first among them.
  if (!result.is_null(0, 1)) request.member = member_from_row(result, 0, 1);
  co_return request;
}

}  // namespace tmeit::db::password_reset_requests
