#include "db/sign_up_repository.hpp"

#include "db/api_time.hpp"
#include "db/erasure_repository.hpp"
#include "db/member_repository.hpp"

#include <string>

namespace tmeit::db {
namespace {

// clang-format cannot align a macro body that holds macro calls.
// clang-format off
#define TMEIT_SIGN_UP_COLUMNS                                            \
  "uuid, email, first_name, nickname, last_name, phone, password_hash, " \
  TMEIT_API_TIME("created_at") ", host(client_ip)"
// clang-format on

constexpr Statement select_email_taken{
    "sign_ups_email_taken",
    "SELECT EXISTS (SELECT 1 FROM members WHERE lower(login_email) = lower($1)) "
    "OR EXISTS (SELECT 1 FROM sign_ups WHERE lower(email) = lower($1))"};

constexpr Statement insert_sign_up{
    "sign_ups_insert",
    "INSERT INTO sign_ups (email, first_name, nickname, last_name, phone, password_hash, "
    "client_ip) VALUES ($1, $2, $3, $4, $5, $6, $7::inet) RETURNING " TMEIT_SIGN_UP_COLUMNS};

constexpr Statement select_all{
    "sign_ups_list", "SELECT " TMEIT_SIGN_UP_COLUMNS " FROM sign_ups ORDER BY created_at, uuid"};

constexpr Statement select_one{"sign_ups_by_uuid",
                               "SELECT " TMEIT_SIGN_UP_COLUMNS " FROM sign_ups WHERE uuid = $1"};

constexpr Statement delete_one{"sign_ups_delete",
                               "DELETE FROM sign_ups WHERE uuid = $1 RETURNING uuid"};

#undef TMEIT_SIGN_UP_COLUMNS

/// Deletes the sign-up and inserts the member in one statement, returning the member's columns
/// (member_columns lives in another file, so the text is put together at first use).
const Statement& approve_statement() {
  static const std::string sql =
      std::string(
          "WITH taken AS (DELETE FROM sign_ups WHERE uuid = $1 "
          "RETURNING email, first_name, nickname, last_name, phone, password_hash) "
          "INSERT INTO members (login_email, role, first_name, nickname, last_name, phone, "
          "password_hash, password_changed_at) "
          "SELECT email, 'prao', first_name, nickname, last_name, phone, password_hash, now() "
          "FROM taken RETURNING ") +
      member_columns();
  static const Statement statement{"sign_ups_approve", sql.c_str()};
  return statement;
}

domain::SignUp sign_up_from_row(const Result& result, int row) {
  domain::SignUp sign_up;
  int col = 0;
  sign_up.uuid = result.text(row, col++);
  sign_up.email = result.text(row, col++);
  sign_up.first_name = result.text(row, col++);
  sign_up.nickname = result.optional_text(row, col++);
  sign_up.last_name = result.text(row, col++);
  sign_up.phone = result.optional_text(row, col++);
  sign_up.password_hash = result.text(row, col++);
  sign_up.created_at = result.text(row, col++);
  sign_up.client_ip = result.optional_text(row, col++);
  return sign_up;
}

}  // namespace

boost::asio::awaitable<bool> SignUpRepository::email_taken(const std::string& email) {
  const Params params{email};
  auto result = co_await pool_.execute(select_email_taken, params);
  co_return result.boolean(0, 0);
}

boost::asio::awaitable<domain::SignUp> SignUpRepository::create(Transaction& transaction,
                                                                const domain::SignUp& sign_up,
                                                                const std::string& client_ip) {
  const Params params{sign_up.email, sign_up.first_name,    sign_up.nickname, sign_up.last_name,
                      sign_up.phone, sign_up.password_hash, client_ip};
  auto result = co_await transaction.execute(insert_sign_up, params);
  co_return sign_up_from_row(result, 0);
}

boost::asio::awaitable<std::vector<domain::SignUp>> SignUpRepository::list() {
  const Params none;
  auto result = co_await pool_.execute(select_all, none);
  std::vector<domain::SignUp> sign_ups;
  sign_ups.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) sign_ups.push_back(sign_up_from_row(result, row));
  co_return sign_ups;
}

boost::asio::awaitable<std::optional<domain::SignUp>> SignUpRepository::find(
    const std::string& uuid) {
  const Params params{uuid};
  auto result = co_await pool_.execute(select_one, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return sign_up_from_row(result, 0);
}

boost::asio::awaitable<bool> SignUpRepository::remove(const std::string& uuid) {
  // A rejected sign-up is erased for good: a restore must not bring it back either.
  const Params params{uuid};
  const std::string_view kind = "sign_up";
  co_return co_await erasures::erase(pool_, delete_one, params, kind);
}

boost::asio::awaitable<std::optional<domain::Member>> SignUpRepository::approve(
    Transaction& transaction, const std::string& uuid) {
  const Params params{uuid};
  const Statement& statement = approve_statement();
  auto result = co_await transaction.execute(statement, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

}  // namespace tmeit::db
