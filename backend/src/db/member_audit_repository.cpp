#include "db/member_audit_repository.hpp"

namespace tmeit::db::member_audit {
namespace {

// `true`: the setting ends with the transaction, so a pooled connection never carries it on.
constexpr Statement set_actor{"member_audit_set_actor",
                              "SELECT set_config('tmeit.actor', $1, true)"};

constexpr Statement select_page{
    "member_audit_list",
    "SELECT a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
    "a.action, actor.short_uuid, actor.first_name || ' ' || actor.last_name, "
    "a.member_uuid, target.short_uuid, target.first_name || ' ' || target.last_name, "
    "a.changes::text "
    "FROM member_audit_log AS a "
    "LEFT JOIN members AS actor ON actor.uuid = a.actor_uuid "
    "LEFT JOIN members AS target ON target.uuid = a.member_uuid "
    "ORDER BY a.id DESC LIMIT $1::integer OFFSET $2::integer"};

std::optional<domain::AuditMember> named(const Result& result, int row, int col) {
  if (result.is_null(row, col)) return std::nullopt;
  return domain::AuditMember{std::string(result.text(row, col)),
                             std::string(result.text(row, col + 1))};
}

}  // namespace

boost::asio::awaitable<Transaction> begin_as(Pool& pool, const std::string& actor_uuid) {
  auto transaction = co_await Transaction::begin(pool);
  const Params params{actor_uuid};
  co_await transaction.execute(set_actor, params);
  co_return transaction;
}

boost::asio::awaitable<std::vector<domain::AuditEntry>> list(Pool& pool, int limit, int offset) {
  const Params params{std::to_string(limit), std::to_string(offset)};
  auto result = co_await pool.execute(select_page, params);
  std::vector<domain::AuditEntry> entries;
  entries.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    domain::AuditEntry entry;
    entry.id = result.text(row, 0);
    entry.at = result.text(row, 1);
    entry.action = result.text(row, 2);
    entry.actor = named(result, row, 3);
    entry.member_uuid = result.text(row, 5);
    entry.member = named(result, row, 6);
    entry.changes = result.text(row, 8);
    entries.push_back(std::move(entry));
  }
  co_return entries;
}

}  // namespace tmeit::db::member_audit
