#pragma once

#include "db/pg_handles.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::db {

/// The rows of one finished statement. Owns its PGresult; move-only. Accessors check the row and
/// column bounds and throw std::out_of_range, so a typo in a repository fails loudly.
class Result {
 public:
  Result() = default;
  /// Takes ownership of a result (nullptr gives an empty result with no rows or columns).
  explicit Result(PgResultPtr result) : result_(std::move(result)) {}

  /// Number of rows returned.
  int rows() const;
  /// Number of columns returned.
  int columns() const;
  /// Index of the column called `name`; throws std::out_of_range when there is none.
  int column(std::string_view name) const;

  /// True when the value at (row, col) is SQL NULL.
  bool is_null(int row, int col) const;
  /// The value in text format; empty for NULL. Valid while this Result lives.
  std::string_view text(int row, int col) const;
  /// The value in text format, or std::nullopt for NULL.
  std::optional<std::string> optional_text(int row, int col) const;
  /// The value as a 64-bit integer; throws std::runtime_error for NULL or non-numbers.
  std::int64_t integer(int row, int col) const;
  /// The value as a boolean ('t' or 'f'); throws std::runtime_error for NULL or other text.
  bool boolean(int row, int col) const;

  /// Rows changed by INSERT/UPDATE/DELETE (0 for other commands).
  std::int64_t affected_rows() const;

  /// The command tag, e.g. "INSERT 0 1" or "ROLLBACK"; empty for an empty result.
  std::string_view command_status() const;

  /// The underlying handle, for the rare libpq call not wrapped here.
  const PGresult* get() const { return result_.get(); }

 private:
  void check(int row, int col) const;

  PgResultPtr result_;
};

}  // namespace tmeit::db
