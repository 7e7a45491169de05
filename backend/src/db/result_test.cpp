#include "db/result.hpp"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>
#include <string>

namespace tmeit::db {
namespace {

/// A result built in memory (libpq can do that without a server): columns id, name, active.
Result sample_result() {
  PgResultPtr result(PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK));
  if (!result) throw std::bad_alloc();
  std::array<std::string, 3> names{"id", "name", "active"};
  std::array<PGresAttDesc, 3> columns{};
  for (std::size_t i = 0; i < columns.size(); ++i) {
    columns[i].name = names[i].data();
    columns[i].format = 0;
    columns[i].typlen = -1;
    columns[i].atttypmod = -1;
  }
  if (PQsetResultAttrs(result.get(), 3, columns.data()) == 0) throw std::runtime_error("attrs");
  const auto set = [&](int row, int col, const char* value) {
    const int length =
        value != nullptr ? static_cast<int>(std::char_traits<char>::length(value)) : -1;
    if (PQsetvalue(result.get(), row, col, const_cast<char*>(value), length) == 0) {
      throw std::runtime_error("value");
    }
  };
  set(0, 0, "42");
  set(0, 1, "Ada");
  set(0, 2, "t");
  set(1, 0, "-9000000000");
  set(1, 1, nullptr);
  set(1, 2, "f");
  return Result(std::move(result));
}

TEST(Result, CountsRowsAndColumns) {
  const Result result = sample_result();
  EXPECT_EQ(result.rows(), 2);
  EXPECT_EQ(result.columns(), 3);
}

TEST(Result, FindsColumnsByExactName) {
  const Result result = sample_result();
  EXPECT_EQ(result.column("name"), 1);
  EXPECT_THROW(result.column("NAME"), std::out_of_range);
  EXPECT_THROW(result.column("missing"), std::out_of_range);
}

TEST(Result, ReadsTextIntegersAndBooleans) {
  const Result result = sample_result();
  EXPECT_EQ(result.text(0, 1), "Ada");
  EXPECT_EQ(result.integer(0, 0), 42);
  EXPECT_EQ(result.integer(1, 0), -9000000000LL);
  EXPECT_TRUE(result.boolean(0, 2));
  EXPECT_FALSE(result.boolean(1, 2));
}

TEST(Result, NullIsVisibleAndRefusedWhereAValueIsNeeded) {
  const Result result = sample_result();
  EXPECT_TRUE(result.is_null(1, 1));
  EXPECT_EQ(result.optional_text(1, 1), std::nullopt);
  EXPECT_EQ(result.optional_text(0, 1), "Ada");
  EXPECT_EQ(result.text(1, 1), "");
  EXPECT_THROW(result.integer(1, 1), std::runtime_error);
}

TEST(Result, WrongTypesAndOutOfRangeCellsThrow) {
  const Result result = sample_result();
  EXPECT_THROW(result.integer(0, 1), std::runtime_error);
  EXPECT_THROW(result.boolean(0, 0), std::runtime_error);
  EXPECT_THROW(result.text(2, 0), std::out_of_range);
  EXPECT_THROW(result.text(0, 3), std::out_of_range);
}

TEST(Result, EmptyResultHasNothing) {
  const Result result;
  EXPECT_EQ(result.rows(), 0);
  EXPECT_EQ(result.affected_rows(), 0);
  EXPECT_EQ(result.command_status(), "");
}

}  // namespace
}  // namespace tmeit::db
