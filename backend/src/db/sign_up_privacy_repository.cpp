#include "db/sign_up_privacy_repository.hpp"

#include "domain/privacy_policy.hpp"

#include <string>

namespace tmeit::db {
namespace {

constexpr Statement forget_old_ips{
    "sign_ups_forget_old_client_ips",
    "UPDATE sign_ups SET client_ip = NULL "
    "WHERE client_ip IS NOT NULL AND created_at < now() - make_interval(days => $1::int)"};

}  // namespace

boost::asio::awaitable<std::int64_t> forget_old_sign_up_ips(Pool& pool) {
  const Params params{std::to_string(domain::sign_up_ip_retention_days)};
  auto result = co_await pool.execute(forget_old_ips, params);
  co_return result.affected_rows();
}

}  // namespace tmeit::db
