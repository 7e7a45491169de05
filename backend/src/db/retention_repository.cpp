#include "db/retention_repository.hpp"

#include "domain/privacy_policy.hpp"

#include <string>

namespace tmeit::db::retention {
namespace {

constexpr Statement forget_old_ips{
    "retention_forget_old_sign_up_ips",
    "UPDATE sign_ups SET client_ip = NULL "
    "WHERE client_ip IS NOT NULL AND created_at < now() - make_interval(days => $1::int)"};

// A failed job's last attempt is its next_attempt_at minus the lease at most; a week is long
// enough for that not to matter.
constexpr Statement delete_mail{
    "retention_delete_old_mail",
    "DELETE FROM email_jobs WHERE (status = 'sent' AND sent_at < now() - interval '7 days') "
    "OR (status = 'failed' AND next_attempt_at < now() - interval '7 days')"};

constexpr Statement delete_resets{
    "retention_delete_old_password_resets",
    "DELETE FROM password_resets WHERE expires_at < now() - interval '7 days'"};

}  // namespace

boost::asio::awaitable<std::int64_t> forget_old_sign_up_ips(Pool& pool) {
  const Params params{std::to_string(domain::sign_up_ip_retention_days)};
  auto result = co_await pool.execute(forget_old_ips, params);
  co_return result.affected_rows();
}

boost::asio::awaitable<std::int64_t> delete_old_mail(Pool& pool) {
  auto result = co_await pool.execute(delete_mail);
  co_return result.affected_rows();
}

boost::asio::awaitable<std::int64_t> delete_old_password_resets(Pool& pool) {
  auto result = co_await pool.execute(delete_resets);
  co_return result.affected_rows();
}

}  // namespace tmeit::db::retention
