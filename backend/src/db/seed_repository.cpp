#include "db/seed_repository.hpp"

namespace tmeit::db {
namespace {

constexpr Statement select_member_exists{
    "seed_member_exists", "SELECT 1 FROM members WHERE lower(login_email) = lower($1)"};

constexpr Statement select_is_empty_except{
    "seed_is_empty_except",
    "SELECT NOT EXISTS (SELECT 1 FROM events) AND "
    "NOT EXISTS (SELECT 1 FROM members WHERE lower(login_email) <> lower($1))"};

constexpr Statement insert_member_statement{
    "seed_insert_member",
    "INSERT INTO members (login_email, role, first_name, nickname, last_name, phone, "
    "password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)"};

constexpr Statement insert_event_statement{
    "seed_insert_event",
    "INSERT INTO events (title, description, location, event_start, event_end, visibility) "
    "VALUES ($1, $2, $3, date_trunc('day', now()) + $4::interval, "
    "date_trunc('day', now()) + $4::interval + $5::interval, $6)"};

}  // namespace

boost::asio::awaitable<bool> SeedRepository::member_exists(const std::string& login_email) {
  // Named Params, not a braced list in the co_await: g++ 12 miscompiles the latter.
  const Params params{login_email};
  auto result = co_await pool_.execute(select_member_exists, params);
  co_return result.rows() > 0;
}

boost::asio::awaitable<bool> SeedRepository::is_empty_except(const std::string& except_email) {
  const Params params{except_email};
  auto result = co_await pool_.execute(select_is_empty_except, params);
  co_return result.boolean(0, 0);
}

boost::asio::awaitable<void> SeedRepository::insert_member(const SeedMember& member) {
  const Params params{member.login_email, member.role,  member.first_name,   member.nickname,
                      member.last_name,   member.phone, member.password_hash};
  co_await pool_.execute(insert_member_statement, params);
}

boost::asio::awaitable<void> SeedRepository::insert_event(const SeedEvent& event) {
  const Params params{event.title,     event.description, event.location,
                      event.starts_in, event.lasts,       event.visibility};
  co_await pool_.execute(insert_event_statement, params);
}

}  // namespace tmeit::db
