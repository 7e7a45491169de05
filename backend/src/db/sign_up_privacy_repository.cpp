#include "db/sign_up_privacy_repository.hpp"

namespace tmeit::db {
namespace {

constexpr Statement forget_old_ips{
    "sign_ups_forget_old_client_ips",
    "UPDATE sign_ups SET client_ip = NULL "
    "WHERE client_ip IS NOT NULL AND created_at < now() - interval '30 days'"};

}  // namespace

boost::asio::awaitable<std::int64_t> forget_old_sign_up_ips(Pool& pool) {
  auto result = co_await pool.execute(forget_old_ips);
  co_return result.affected_rows();
}

}  // namespace tmeit::db
