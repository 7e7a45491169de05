#include "db/result.hpp"

#include <charconv>
#include <stdexcept>

namespace tmeit::db {

int Result::rows() const {
  return result_ ? PQntuples(result_.get()) : 0;
}

int Result::columns() const {
  return result_ ? PQnfields(result_.get()) : 0;
}

int Result::column(std::string_view name) const {
  // Quoted, PQfnumber matches the name exactly instead of folding it to lower case.
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  const int index = result_ ? PQfnumber(result_.get(), quoted.c_str()) : -1;
  if (index < 0) throw std::out_of_range("result has no column '" + std::string(name) + "'");
  return index;
}

void Result::check(int row, int col) const {
  if (row < 0 || row >= rows() || col < 0 || col >= columns()) {
    throw std::out_of_range("result has no cell (" + std::to_string(row) + ", " +
                            std::to_string(col) + ")");
  }
}

bool Result::is_null(int row, int col) const {
  check(row, col);
  return PQgetisnull(result_.get(), row, col) != 0;
}

std::string_view Result::text(int row, int col) const {
  check(row, col);
  const char* value = PQgetvalue(result_.get(), row, col);
  const int length = PQgetlength(result_.get(), row, col);
  return {value, static_cast<std::size_t>(length)};
}

std::optional<std::string> Result::optional_text(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return std::string(text(row, col));
}

std::int64_t Result::integer(int row, int col) const {
  if (is_null(row, col)) {
    throw std::runtime_error("column '" + std::string(PQfname(result_.get(), col)) +
                             "' is NULL, expected an integer");
  }
  const auto value = text(row, col);
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc{} || end != value.data() + value.size()) {
    throw std::runtime_error("column '" + std::string(PQfname(result_.get(), col)) +
                             "' is not an integer");
  }
  return number;
}

bool Result::boolean(int row, int col) const {
  if (is_null(row, col)) {
    throw std::runtime_error("column '" + std::string(PQfname(result_.get(), col)) +
                             "' is NULL, expected a boolean");
  }
  const auto value = text(row, col);
  if (value == "t") return true;
  if (value == "f") return false;
  throw std::runtime_error("column '" + std::string(PQfname(result_.get(), col)) +
                           "' is not a boolean");
}

std::int64_t Result::affected_rows() const {
  if (!result_) return 0;
  const std::string_view tuples = PQcmdTuples(result_.get());
  std::int64_t count = 0;
  const auto [end, ec] = std::from_chars(tuples.data(), tuples.data() + tuples.size(), count);
  if (ec != std::errc{} || end != tuples.data() + tuples.size()) return 0;
  return count;
}

std::string_view Result::command_status() const {
  // PQcmdStatus only reads the result but is declared without const.
  return result_ ? PQcmdStatus(const_cast<PGresult*>(result_.get())) : "";
}

}  // namespace tmeit::db
