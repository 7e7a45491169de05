// The member columns are made from domain::member_fields(); this pins the text they come to,
// written out, so a table change that would change the SQL shows here.
#include "db/member_repository.hpp"

#include <gtest/gtest.h>

namespace tmeit::db {
namespace {

TEST(MemberColumns, AreTheTableRowsInOrderThenTheServerOnlyColumns) {
  const std::string api_time_of_created =
      "regexp_replace(to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
      "'\\.000000$', '') || '+00:00'";
  const std::string api_time_of_updated =
      "regexp_replace(to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
      "'\\.000000$', '') || '+00:00'";
  EXPECT_EQ(member_columns(),
            "uuid, short_uuid, login_email, role, first_name, nickname, last_name, phone, "
            "drivers_license, stad::text, fest::text, liquor_permit::text, " +
                api_time_of_created + ", " + api_time_of_updated +
                ", password_hash, floor(extract(epoch FROM tokens_valid_after) * 1000)::bigint, "
                "version, (SELECT p.visibility || ' ' || p.key_2048 || ' ' || p.key_1024 || ' ' "
                "|| p.key_256 FROM member_photos AS p WHERE p.member_uuid = members.uuid AND "
                "p.is_primary)");
}

}  // namespace
}  // namespace tmeit::db
