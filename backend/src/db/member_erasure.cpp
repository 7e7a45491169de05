#include "db/member_erasure.hpp"

#include "db/erasure_repository.hpp"

#include <sstream>

namespace tmeit::db {
namespace {

// One statement: every part sees the same snapshot (so the old emails are read from the audit
// log before it is emptied), and the triggers on members (audit entry, last-master check) run
// at its end, all or nothing. `where` picks the member.
#define TMEIT_ERASE_MEMBER(where)                                                               \
  "WITH gone AS ("                                                                              \
  "  DELETE FROM members WHERE " where                                                          \
  " RETURNING uuid, lower(login_email) AS email), "                                             \
  "emails AS ("                                                                                 \
  "  SELECT email FROM gone"                                                                    \
  "  UNION SELECT lower(a.changes -> 'login_email' ->> side) FROM member_audit_log AS a, gone," \
  "    (VALUES ('from'), ('to')) AS sides(side)"                                                \
  "  WHERE a.member_uuid = gone.uuid AND a.changes -> 'login_email' ->> side IS NOT NULL), "    \
  "mails AS (DELETE FROM email_jobs WHERE lower(recipient) IN (SELECT email FROM emails)), "    \
  "sign_ups AS ("                                                                               \
  "  DELETE FROM sign_ups WHERE lower(email) IN (SELECT email FROM emails) RETURNING uuid), "   \
  "requests AS ("                                                                               \
  "  DELETE FROM password_reset_requests WHERE lower(email) IN (SELECT email FROM emails)), "   \
  "counters AS ("                                                                               \
  "  DELETE FROM throttle_hits WHERE key IN (SELECT throttle_key(email) FROM emails)), "        \
  "audit AS ("                                                                                  \
  "  UPDATE member_audit_log SET changes = '{}' WHERE member_uuid IN (SELECT uuid FROM gone)) " \
  "SELECT uuid, email, (SELECT coalesce(array_agg(uuid ORDER BY uuid), '{}') FROM sign_ups)"    \
  "  FROM gone"

constexpr Statement erase_by_short_uuid{"members_erase", TMEIT_ERASE_MEMBER("short_uuid = $1")};
constexpr Statement erase_by_uuid{"members_erase_by_uuid", TMEIT_ERASE_MEMBER("uuid = $1::uuid")};

#undef TMEIT_ERASE_MEMBER

/// The uuids of a text `uuid[]` ("{a,b}"): uuids need no quoting in an array's text form.
std::vector<std::string> uuids_of(std::string_view array) {
  std::vector<std::string> uuids;
  if (array.size() <= 2) return uuids;
  std::istringstream items(std::string(array.substr(1, array.size() - 2)));
  for (std::string uuid; std::getline(items, uuid, ',');) uuids.push_back(uuid);
  return uuids;
}

}  // namespace

const Statement& erase_member_by_uuid_statement() {
  return erase_by_uuid;
}

boost::asio::awaitable<std::optional<ErasedMember>> erase_member(Transaction& transaction,
                                                                 const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await transaction.execute(erase_by_short_uuid, params);
  if (result.rows() == 0) co_return std::nullopt;
  ErasedMember erased{std::string(result.text(0, 0)), std::string(result.text(0, 1)),
                      uuids_of(result.text(0, 2))};
  // The erasure ledger beside the backups: a restore must bring none of them back.
  co_await erasures::record(transaction, "member", erased.uuid);
  for (const auto& sign_up : erased.sign_up_uuids) {
    co_await erasures::record(transaction, "sign_up", sign_up);
  }
  co_return erased;
}

}  // namespace tmeit::db
