#include "db/password_reset_repository.hpp"

#include "db/member_repository.hpp"

namespace tmeit::db::password_resets {
namespace {

constexpr Statement void_unused{
    "password_resets_void_unused",
    "UPDATE password_resets SET used_at = now() WHERE member_uuid = $1 AND used_at IS NULL"};

constexpr Statement insert_token{
    "password_resets_insert",
    "INSERT INTO password_resets (token_hash, member_uuid, expires_at) "
    "VALUES (decode($1, 'hex'), $2, now() + interval '1 hour')"};

constexpr Statement use_token{
    "password_resets_use",
    "UPDATE password_resets SET used_at = now() WHERE token_hash = decode($1, 'hex') "
    "AND used_at IS NULL AND expires_at > now() RETURNING member_uuid"};

constexpr Statement set_password{
    "password_resets_set_password",
    "UPDATE members SET password_hash = $2, password_changed_at = now(), "
    "tokens_valid_after = now(), updated_at = now() WHERE uuid = $1"};

/// The member of a usable token (member_columns lives in another file, so the text is put
/// together at first use).
const Statement& find_member_statement() {
  static const std::string sql =
      std::string("SELECT ") + member_columns() +
      " FROM members WHERE uuid = (SELECT member_uuid FROM password_resets "
      "WHERE token_hash = decode($1, 'hex') AND used_at IS NULL AND expires_at > now())";
  static const Statement statement{"password_resets_find_member", sql.c_str()};
  return statement;
}

}  // namespace

boost::asio::awaitable<void> replace(Transaction& transaction, const std::string& member_uuid,
                                     const std::string& token_hash_hex) {
  const Params member{member_uuid};
  co_await transaction.execute(void_unused, member);
  const Params token{token_hash_hex, member_uuid};
  co_await transaction.execute(insert_token, token);
}

boost::asio::awaitable<std::optional<domain::Member>> find_member(
    Pool& pool, const std::string& token_hash_hex) {
  const Params params{token_hash_hex};
  const Statement& statement = find_member_statement();
  auto result = co_await pool.execute(statement, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<bool> consume(Transaction& transaction, const std::string& token_hash_hex,
                                     const std::string& password_hash) {
  const Params token{token_hash_hex};
  auto used = co_await transaction.execute(use_token, token);
  if (used.rows() == 0) co_return false;
  const Params member{std::string(used.text(0, 0)), password_hash};
  co_await transaction.execute(set_password, member);
  co_return true;
}

}  // namespace tmeit::db::password_resets
