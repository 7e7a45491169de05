#include "db/member_repository.hpp"

#include "db/api_time.hpp"
#include "db/errors.hpp"

#include <stdexcept>

namespace tmeit::db {

// Timestamps as the API writes them (db/api_time.hpp): no time zone arithmetic in C++.
// clang-format cannot align a macro body that holds macro calls.
// clang-format off
#define TMEIT_MEMBER_COLUMNS                                                      \
  "uuid, short_uuid, login_email, role, first_name, nickname, last_name, phone, " \
  "drivers_license, stad::text, fest::text, liquor_permit::text, "                \
  TMEIT_API_TIME("created_at") ", " TMEIT_API_TIME("updated_at") ", "             \
  "password_hash, floor(extract(epoch FROM tokens_valid_after) * 1000)::bigint, version"
// clang-format on

const char* const member_columns = TMEIT_MEMBER_COLUMNS;

namespace {

constexpr Statement select_by_email{"members_by_email",
                                    "SELECT " TMEIT_MEMBER_COLUMNS
                                    " FROM members WHERE lower(login_email) = lower($1)"};

constexpr Statement select_by_short_uuid{
    "members_by_short_uuid", "SELECT " TMEIT_MEMBER_COLUMNS " FROM members WHERE short_uuid = $1"};

constexpr Statement select_all{
    "members_list",
    "SELECT " TMEIT_MEMBER_COLUMNS
    " FROM members ORDER BY array_position("
    "ARRAY['master','marshal','vraq','prao','ex','exprao'], role), first_name, last_name, uuid"};

constexpr Statement insert_member{
    "members_insert",
    "INSERT INTO members (login_email, role, first_name, nickname, last_name, phone, "
    "drivers_license, stad, fest, liquor_permit) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::date, $10::date) "
    "RETURNING " TMEIT_MEMBER_COLUMNS};

constexpr Statement lock_by_short_uuid{"members_lock_by_short_uuid",
                                       "SELECT " TMEIT_MEMBER_COLUMNS
                                       " FROM members WHERE short_uuid = $1 FOR UPDATE"};

constexpr Statement update_member{
    "members_update",
    "UPDATE members SET login_email = $2, role = $3, first_name = $4, nickname = $5, "
    "last_name = $6, phone = $7, drivers_license = $8, stad = $9::date, fest = $10::date, "
    "liquor_permit = $11::date, updated_at = now(), "
    "tokens_valid_after = CASE WHEN role <> $3 THEN now() ELSE tokens_valid_after END "
    "WHERE uuid = $1 RETURNING " TMEIT_MEMBER_COLUMNS};

constexpr Statement update_password{
    "members_set_password",
    "UPDATE members SET password_hash = $2, password_changed_at = now(), "
    "tokens_valid_after = now(), updated_at = now() WHERE uuid = $1"};

constexpr Statement select_email_taken{
    "members_email_taken", "SELECT 1 FROM members WHERE lower(login_email) = lower($1)"};

#undef TMEIT_MEMBER_COLUMNS

std::optional<std::string> bool_text(bool value) {
  return value ? "true" : "false";
}

Params editable_params(const domain::Member& member) {
  return {member.login_email,
          std::string(domain::role_name(member.role)),
          member.first_name,
          member.nickname,
          member.last_name,
          member.phone,
          bool_text(member.drivers_license),
          member.stad,
          member.fest,
          member.liquor_permit};
}

}  // namespace

domain::Member member_from_row(const Result& result, int row, int first_column) {
  domain::Member member;
  int col = first_column;
  member.uuid = result.text(row, col++);
  member.short_uuid = result.text(row, col++);
  member.login_email = result.text(row, col++);
  const auto role = domain::parse_role(result.text(row, col++));
  if (!role) throw std::runtime_error("members: unknown role in the database");
  member.role = *role;
  member.first_name = result.text(row, col++);
  member.nickname = result.optional_text(row, col++);
  member.last_name = result.text(row, col++);
  member.phone = result.optional_text(row, col++);
  member.drivers_license = result.boolean(row, col++);
  member.stad = result.optional_text(row, col++);
  member.fest = result.optional_text(row, col++);
  member.liquor_permit = result.optional_text(row, col++);
  member.created_at = result.text(row, col++);
  member.updated_at = result.text(row, col++);
  member.password_hash = result.optional_text(row, col++);
  if (!result.is_null(row, col)) member.tokens_valid_after_ms = result.integer(row, col);
  ++col;
  member.version = result.integer(row, col);
  return member;
}

boost::asio::awaitable<std::optional<domain::Member>> MemberRepository::find_by_email(
    const std::string& email) {
  const Params params{email};
  auto result = co_await pool_.execute(select_by_email, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<std::optional<domain::Member>> MemberRepository::find_by_short_uuid(
    const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await pool_.execute(select_by_short_uuid, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<std::vector<domain::Member>> MemberRepository::list() {
  auto result = co_await pool_.execute(select_all);
  std::vector<domain::Member> members;
  members.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) members.push_back(member_from_row(result, row));
  co_return members;
}

boost::asio::awaitable<domain::Member> MemberRepository::create(Transaction& transaction,
                                                                const domain::Member& member) {
  const Params params = editable_params(member);
  auto result = co_await transaction.execute(insert_member, params);
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<std::optional<domain::Member>> MemberRepository::lock(
    Transaction& transaction, const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await transaction.execute(lock_by_short_uuid, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<domain::Member> MemberRepository::update(Transaction& transaction,
                                                                const domain::Member& member) {
  Params params = editable_params(member);
  params.insert(params.begin(), member.uuid);
  auto result = co_await transaction.execute(update_member, params);
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<void> MemberRepository::set_password(const std::string& uuid,
                                                            const std::string& password_hash) {
  const Params params{uuid, password_hash};
  co_await pool_.execute(update_password, params);
}

boost::asio::awaitable<bool> MemberRepository::email_taken(const std::string& email) {
  const Params params{email};
  auto result = co_await pool_.execute(select_email_taken, params);
  co_return result.rows() > 0;
}

}  // namespace tmeit::db
