#include "db/member_erasure.hpp"

namespace tmeit::db {
namespace {

// One statement: every part sees the same snapshot (so the old emails are read from the audit
// log before it is emptied), and the triggers on members (audit entry, last-master check) run
// at its end, all or nothing.
constexpr Statement erase_statement{
    "members_erase",
    "WITH gone AS ("
    "  DELETE FROM members WHERE short_uuid = $1 RETURNING uuid, lower(login_email) AS email), "
    "emails AS ("
    "  SELECT email FROM gone"
    "  UNION SELECT lower(a.changes -> 'login_email' ->> side) FROM member_audit_log AS a, gone,"
    "    (VALUES ('from'), ('to')) AS sides(side)"
    "  WHERE a.member_uuid = gone.uuid AND a.changes -> 'login_email' ->> side IS NOT NULL), "
    "mails AS (DELETE FROM email_jobs WHERE lower(recipient) IN (SELECT email FROM emails)), "
    "sign_ups AS (DELETE FROM sign_ups WHERE lower(email) IN (SELECT email FROM emails)), "
    "requests AS ("
    "  DELETE FROM password_reset_requests WHERE lower(email) IN (SELECT email FROM emails)), "
    "counters AS ("
    "  DELETE FROM throttle_hits WHERE key IN (SELECT throttle_key(email) FROM emails)), "
    "audit AS ("
    "  UPDATE member_audit_log SET changes = '{}' WHERE member_uuid IN (SELECT uuid FROM gone)) "
    "SELECT uuid, email FROM gone"};

}  // namespace

boost::asio::awaitable<std::optional<ErasedMember>> erase_member(Transaction& transaction,
                                                                 const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await transaction.execute(erase_statement, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return ErasedMember{std::string(result.text(0, 0)), std::string(result.text(0, 1))};
}

}  // namespace tmeit::db
