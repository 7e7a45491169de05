#include "db/admin_repository.hpp"

namespace tmeit::db::admin {
namespace {

// The old role is read in the same statement, from the row as it was before the update.
constexpr Statement promote{
    "admin_promote_to_master",
    "WITH before AS (SELECT uuid, role FROM members WHERE lower(login_email) = lower($1)), "
    "promoted AS ("
    "  UPDATE members SET role = 'master', updated_at = now(),"
    "    tokens_valid_after = CASE WHEN members.role <> 'master' THEN now()"
    "      ELSE tokens_valid_after END"
    "  FROM before WHERE members.uuid = before.uuid RETURNING members.short_uuid) "
    "SELECT promoted.short_uuid, before.role, "
    "  (SELECT count(*) FROM members WHERE role = 'master')"
    "    + CASE WHEN before.role <> 'master' THEN 1 ELSE 0 END "
    "FROM promoted, before"};

}  // namespace

boost::asio::awaitable<std::optional<Promotion>> promote_to_master(Pool& pool,
                                                                   const std::string& email) {
  const Params params{email};
  auto result = co_await pool.execute(promote, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return Promotion{std::string(result.text(0, 0)), std::string(result.text(0, 1)),
                      result.integer(0, 2)};
}

}  // namespace tmeit::db::admin
