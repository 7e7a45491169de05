#include "db/member_repository.hpp"

#include "db/api_time.hpp"
#include "db/errors.hpp"
#include "db/photo_repository.hpp"
#include "domain/member_fields.hpp"

#include <string_view>

namespace tmeit::db {

namespace {

using domain::member_fields;

/// How a select gives `field`'s value: dates and timestamps as the API writes them
/// (db/api_time.hpp), so there is no time zone arithmetic in C++.
std::string select_expression(const domain::MemberField& field) {
  const std::string column(domain::member_column(field));
  if (field.spec.type == domain::FieldType::date) return column + "::text";
  if (field.spec.type == domain::FieldType::date_time) return api_time(column);
  return column;
}

/// The `n`th statement parameter, cast to `field`'s column type where text does not convert.
std::string placeholder(const domain::MemberField& field, std::size_t n) {
  const auto text = "$" + std::to_string(n);
  return field.spec.type == domain::FieldType::date ? text + "::date" : text;
}

/// The fields that creating and updating write, in table order.
const std::vector<const domain::MemberField*>& written_fields() {
  static const auto fields = [] {
    std::vector<const domain::MemberField*> out;
    for (const auto& field : member_fields()) {
      if (domain::member_field_written(field)) out.push_back(&field);
    }
    return out;
  }();
  return fields;
}

/// `before` + every member column + `after`. The statements are put together at first use,
/// from the field table.
std::string with_columns(const std::string& before, std::string_view after = {}) {
  return before + member_columns() + std::string(after);
}

const Statement& select_by_email() {
  static const std::string sql =
      with_columns("SELECT ", " FROM members WHERE lower(login_email) = lower($1)");
  static const Statement statement{"members_by_email", sql.c_str()};
  return statement;
}

const Statement& select_by_short_uuid() {
  static const std::string sql = with_columns("SELECT ", " FROM members WHERE short_uuid = $1");
  static const Statement statement{"members_by_short_uuid", sql.c_str()};
  return statement;
}

const Statement& select_all() {
  static const std::string sql = with_columns(
      "SELECT ",
      " FROM members ORDER BY array_position("
      "ARRAY['master','marshal','vraq','prao','ex','exprao'], role), first_name, last_name, uuid");
  static const Statement statement{"members_list", sql.c_str()};
  return statement;
}

const Statement& lock_by_short_uuid() {
  static const std::string sql =
      with_columns("SELECT ", " FROM members WHERE short_uuid = $1 FOR UPDATE");
  static const Statement statement{"members_lock_by_short_uuid", sql.c_str()};
  return statement;
}

/// INSERT of the written fields, $1 on.
const Statement& insert_member() {
  static const std::string sql = [] {
    std::string columns;
    std::string values;
    std::size_t n = 1;
    for (const auto* field : written_fields()) {
      columns += (n == 1 ? "" : ", ") + std::string(domain::member_column(*field));
      values += (n == 1 ? "" : ", ") + placeholder(*field, n);
      ++n;
    }
    return with_columns("INSERT INTO members (" + columns + ") VALUES (" + values + ") RETURNING ");
  }();
  static const Statement statement{"members_insert", sql.c_str()};
  return statement;
}

/// UPDATE of the written fields ($2 on) of the member with uuid $1. A changed role revokes the
/// member's tokens.
const Statement& update_member() {
  static const std::string sql = [] {
    std::string assignments;
    std::string role;
    std::size_t n = 2;
    for (const auto* field : written_fields()) {
      const std::string column(domain::member_column(*field));
      if (column == "role") role = placeholder(*field, n);
      assignments += column + " = " + placeholder(*field, n) + ", ";
      ++n;
    }
    return with_columns("UPDATE members SET " + assignments +
                        "updated_at = now(), tokens_valid_after = CASE WHEN role <> " + role +
                        " THEN now() ELSE tokens_valid_after END WHERE uuid = $1 RETURNING ");
  }();
  static const Statement statement{"members_update", sql.c_str()};
  return statement;
}

constexpr Statement update_password{
    "members_set_password",
    "UPDATE members SET password_hash = $2, password_changed_at = now(), "
    "tokens_valid_after = now(), updated_at = now() WHERE uuid = $1"};

constexpr Statement select_email_taken{
    "members_email_taken", "SELECT 1 FROM members WHERE lower(login_email) = lower($1)"};

/// The parameters of insert_member, and of update_member after the uuid.
Params written_params(const domain::Member& member) {
  Params params;
  for (const auto* field : written_fields()) params.push_back(field->value.text(member));
  return params;
}

}  // namespace

const std::string& member_columns() {
  static const std::string columns = [] {
    std::string out;
    for (const auto& field : member_fields()) out += select_expression(field) + ", ";
    return out +
           "password_hash, floor(extract(epoch FROM tokens_valid_after) * 1000)::bigint, "
           "version, " +
           std::string(primary_photo_column);
  }();
  return columns;
}

domain::Member member_from_row(const Result& result, int row, int first_column) {
  domain::Member member;
  int col = first_column;
  for (const auto& field : member_fields()) {
    field.value.set_text(member, result.is_null(row, col)
                                     ? std::nullopt
                                     : std::optional<std::string_view>(result.text(row, col)));
    ++col;
  }
  member.password_hash = result.optional_text(row, col++);
  if (!result.is_null(row, col)) member.tokens_valid_after_ms = result.integer(row, col);
  ++col;
  member.version = result.integer(row, col++);
  member.photo = primary_photo_from_text(result.optional_text(row, col));
  return member;
}

boost::asio::awaitable<std::optional<domain::Member>> MemberRepository::find_by_email(
    const std::string& email) {
  const Params params{email};
  auto result = co_await pool_.execute(select_by_email(), params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<std::optional<domain::Member>> MemberRepository::find_by_short_uuid(
    const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await pool_.execute(select_by_short_uuid(), params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<std::vector<domain::Member>> MemberRepository::list() {
  auto result = co_await pool_.execute(select_all());
  std::vector<domain::Member> members;
  members.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) members.push_back(member_from_row(result, row));
  co_return members;
}

boost::asio::awaitable<domain::Member> MemberRepository::create(Transaction& transaction,
                                                                const domain::Member& member) {
  const Params params = written_params(member);
  auto result = co_await transaction.execute(insert_member(), params);
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<std::optional<domain::Member>> MemberRepository::lock(
    Transaction& transaction, const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await transaction.execute(lock_by_short_uuid(), params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return member_from_row(result, 0);
}

boost::asio::awaitable<domain::Member> MemberRepository::update(Transaction& transaction,
                                                                const domain::Member& member) {
  Params params = written_params(member);
  params.insert(params.begin(), member.uuid);
  auto result = co_await transaction.execute(update_member(), params);
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
