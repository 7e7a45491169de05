#include "db/throttle_repository.hpp"

#include "db/member_repository.hpp"

#include <array>
#include <vector>

namespace tmeit::db::throttles {
namespace {

constexpr Statement take_statement{
    "throttles_take",
    "SELECT throttle_take($1::text[], $2::text[], $3::integer[], $4::interval[])"};

constexpr Statement succeeded_statement{
    "throttles_login_succeeded", "SELECT throttle_forget($1, $2), throttle_give_back($3, $4)"};

constexpr Statement forget_expired_statement{"throttles_forget_expired",
                                             "DELETE FROM throttle_hits WHERE expires_at < now()"};

/// The limit check and the member lookup of a login in one statement (member_columns lives in
/// another file, so the text is put together at first use). The function runs once, before the
/// join reads the member.
const Statement& begin_login_statement() {
  static const std::string sql =
      std::string("SELECT t.wait, ") + member_columns() +
      " FROM throttle_take($1::text[], $2::text[], $3::integer[], $4::interval[]) AS t(wait)"
      " LEFT JOIN members ON lower(login_email) = lower($5)";
  static const Statement statement{"throttles_begin_login", sql.c_str()};
  return statement;
}

/// The four array parameters of throttle_take.
Params take_params(std::span<const Limit> limits) {
  std::vector<std::string> scopes;
  std::vector<std::string> keys;
  std::string counts = "{";
  std::string windows = "{";
  for (const auto& limit : limits) {
    scopes.emplace_back(limit.scope);
    keys.push_back(limit.key);
    if (counts.size() > 1) counts += ',', windows += ',';
    counts += std::to_string(limit.limit);
    windows += '"' + std::to_string(limit.window.count()) + " seconds\"";
  }
  return {quoted_array(scopes), quoted_array(keys), counts + '}', windows + '}'};
}

}  // namespace

std::string quoted_array(std::span<const std::string> values) {
  std::string out = "{";
  for (const auto& value : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + '}';
}

boost::asio::awaitable<int> take(Pool& pool, std::span<const Limit> limits) {
  const Params params = take_params(limits);
  auto result = co_await pool.execute(take_statement, params);
  co_return static_cast<int>(result.integer(0, 0));
}

boost::asio::awaitable<LoginAttempt> begin_login(Pool& pool, const std::string& email,
                                                 const Limit& account, const Limit& address) {
  const std::array limits{account, address};
  Params params = take_params(limits);
  params.emplace_back(email);
  auto result = co_await pool.execute(begin_login_statement(), params);
  LoginAttempt attempt;
  attempt.wait_seconds = static_cast<int>(result.integer(0, 0));
  // A row without a member has NULL in every member column, the uuid first among them.
  if (attempt.wait_seconds == 0 && !result.is_null(0, 1)) {
    attempt.member = member_from_row(result, 0, 1);
  }
  co_return attempt;
}

boost::asio::awaitable<void> login_succeeded(Pool& pool, const Limit& account,
                                             const Limit& address) {
  const Params params{std::string(account.scope), account.key, std::string(address.scope),
                      address.key};
  co_await pool.execute(succeeded_statement, params);
}

boost::asio::awaitable<std::int64_t> forget_expired(Pool& pool) {
  auto result = co_await pool.execute(forget_expired_statement);
  co_return result.affected_rows();
}

}  // namespace tmeit::db::throttles
