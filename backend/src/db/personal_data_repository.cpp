#include "db/personal_data_repository.hpp"

#include "db/transaction.hpp"

namespace tmeit::db {
namespace {

// to_jsonb writes timestamps in the session's time zone; this one transaction's is UTC.
constexpr Statement utc{"personal_data_utc", "SELECT set_config('TimeZone', 'UTC', true)"};

// One statement, so every part comes from one snapshot. A new kind of personal data adds its
// key here. Photos are listed with the URLs of their sizes, which the member (logged in) can
// download: the export stays one JSON document.
constexpr Statement export_statement{
    "personal_data_export",
    "SELECT jsonb_build_object("
    "  'exported_at', now(),"
    "  'member', to_jsonb(m) - 'password_hash'"
    "    || jsonb_build_object('has_password', m.password_hash IS NOT NULL),"
    "  'sign_ups', coalesce((SELECT jsonb_agg(to_jsonb(s) - 'password_hash' ORDER BY s.created_at)"
    "    FROM sign_ups AS s WHERE lower(s.email) = lower(m.login_email)), '[]'),"
    "  'password_resets', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'token_hash'"
    "    ORDER BY r.created_at) FROM password_resets AS r WHERE r.member_uuid = m.uuid), '[]'),"
    "  'password_reset_requests', coalesce((SELECT jsonb_agg(to_jsonb(q) ORDER BY q.id)"
    "    FROM password_reset_requests AS q WHERE lower(q.email) = lower(m.login_email)), '[]'),"
    "  'emails', coalesce((SELECT jsonb_agg(to_jsonb(j) ORDER BY j.id)"
    "    FROM email_jobs AS j WHERE lower(j.recipient) = lower(m.login_email)), '[]'),"
    "  'changes_to_your_record', coalesce((SELECT jsonb_agg(to_jsonb(a) ORDER BY a.id)"
    "    FROM member_audit_log AS a WHERE a.member_uuid = m.uuid), '[]'),"
    "  'changes_you_made', coalesce((SELECT jsonb_agg(to_jsonb(a) - 'changes' ORDER BY a.id)"
    "    FROM member_audit_log AS a WHERE a.actor_uuid = m.uuid AND a.member_uuid <> m.uuid),"
    "    '[]'),"
    "  'photos', coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'visibility',"
    "    p.visibility, 'primary', p.is_primary, 'width', p.width, 'height', p.height,"
    "    'created_at', p.created_at, 'urls', jsonb_build_object('256', '/' || p.key_256,"
    "    '1024', '/' || p.key_1024, '2048', '/' || p.key_2048)) ORDER BY p.created_at, p.id)"
    "    FROM member_photos AS p WHERE p.member_uuid = m.uuid), '[]'),"
    "  'not_included', jsonb_build_array("
    "    'your password: only a one-way argon2id hash of it is stored',"
    "    'throttle counters of login, sign-up and reset attempts: kept under a one-way hash of "
    "the email or address, for at most an hour',"
    "    'backups: encrypted copies of this data, kept as the privacy policy says')"
    ")::text FROM members AS m WHERE m.short_uuid = $1"};

}  // namespace

boost::asio::awaitable<std::optional<std::string>> export_personal_data(
    Pool& pool, const std::string& short_uuid) {
  auto transaction = co_await Transaction::begin(pool);
  co_await transaction.execute(utc);
  const Params params{short_uuid};
  auto result = co_await transaction.execute(export_statement, params);
  co_await transaction.commit();
  if (result.rows() == 0) co_return std::nullopt;
  co_return std::string(result.text(0, 0));
}

}  // namespace tmeit::db
