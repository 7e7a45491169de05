#include "db/migrations.hpp"

#include "util/sha256.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

namespace tmeit::db {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    if (!text.empty()) text += "\n";
    text += line;
  }
  return text;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// Whether the file's first line is the no-transaction marker.
bool starts_with_no_transaction(std::string_view sql) {
  std::string_view first_line = sql.substr(0, sql.find('\n'));
  while (!first_line.empty() && (first_line.back() == '\r' || first_line.back() == ' ')) {
    first_line.remove_suffix(1);
  }
  return first_line == no_transaction_marker;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MigrationError("cannot read migration file " + path.string());
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw MigrationError("cannot read migration file " + path.string());
  return bytes;
}

}  // namespace

std::optional<int> migration_version(std::string_view file_name) {
  constexpr std::string_view suffix = ".sql";
  // "NNNN" "_" at least one description character ".sql"
  if (file_name.size() < 4 + 1 + 1 + suffix.size() || !file_name.ends_with(suffix)) {
    return std::nullopt;
  }
  int version = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (file_name[i] < '0' || file_name[i] > '9') return std::nullopt;
    version = version * 10 + (file_name[i] - '0');
  }
  if (file_name[4] != '_' || version == 0) return std::nullopt;
  const auto description = file_name.substr(5, file_name.size() - 5 - suffix.size());
  const bool valid = std::all_of(description.begin(), description.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!valid) return std::nullopt;
  return version;
}

std::vector<Migration> make_migrations(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> problems;
  std::vector<Migration> migrations;
  for (const auto& [file_name, contents] : files) {
    const auto version = migration_version(file_name);
    if (!version) {
      problems.push_back("bad migration file name '" + file_name +
                         "': expected NNNN_description.sql (4 digits from 0001, an underscore, "
                         "then lower-case letters, digits and underscores)");
      continue;
    }
    if (is_blank(contents)) problems.push_back("migration file " + file_name + " is empty");
    Migration migration;
    migration.version = *version;
    migration.name = file_name.substr(0, file_name.size() - 4);
    migration.sql = contents;
    migration.checksum = util::to_hex(util::sha256(contents));
    migration.transactional = !starts_with_no_transaction(contents);
    migrations.push_back(std::move(migration));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  int expected = 1;
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    const Migration& migration = migrations[i];
    if (i > 0 && migrations[i - 1].version == migration.version) {
      problems.push_back("migrations " + migrations[i - 1].name + ".sql and " + migration.name +
                         ".sql have the same number");
      continue;
    }
    if (migration.version != expected) {
      std::ostringstream line;
      line << "migration number " << expected << " is missing before " << migration.name
           << ".sql (numbers must run 1, 2, 3, ... without gaps)";
      problems.push_back(line.str());
    }
    expected = migration.version + 1;
  }
  if (files.empty()) problems.emplace_back("no migration files found");
  if (!problems.empty()) throw MigrationError(join_lines(problems));
  return migrations;
}

std::vector<Migration> load_migrations(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw MigrationError("migrations folder '" + dir.string() +
                         "' not found (set TMEIT_MIGRATIONS_DIR)");
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    files.emplace_back(entry.path().filename().string(), read_file(entry.path()));
  }
  if (files.empty()) throw MigrationError("no migration files (*.sql) in '" + dir.string() + "'");
  return make_migrations(files);
}

MigrationPlan plan_migrations(const std::vector<Migration>& migrations,
                              const std::vector<AppliedMigration>& applied) {
  MigrationPlan plan;
  std::map<int, const Migration*> by_version;
  for (const auto& migration : migrations) by_version.emplace(migration.version, &migration);
  const int newest_file = by_version.empty() ? 0 : by_version.rbegin()->first;
  std::set<int> applied_versions;
  for (const auto& row : applied) {
    applied_versions.insert(row.version);
    plan.database_version = std::max(plan.database_version, row.version);
    const auto found = by_version.find(row.version);
    if (found == by_version.end()) {
      if (row.version > newest_file) {
        plan.database_newer = true;
        continue;
      }
      throw MigrationError("migration " + row.name +
                           " is applied in the database but missing from the migrations folder");
    }
    if (found->second->checksum != row.checksum) {
      throw MigrationError(found->second->name + ".sql was changed after it was applied (sha256 " +
                           row.checksum.substr(0, 12) + "... in the database, " +
                           found->second->checksum.substr(0, 12) +
                           "... on disk); never edit an applied migration: restore the file and "
                           "add a new migration");
    }
  }
  for (const auto& migration : migrations) {
    if (applied_versions.contains(migration.version)) continue;
    if (migration.version < plan.database_version) {
      throw MigrationError(migration.name + ".sql is not applied but a newer migration (" +
                           std::to_string(plan.database_version) +
                           ") is; renumber it after the newest applied one");
    }
    plan.pending.push_back(&migration);
  }
  return plan;
}

namespace {

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (static_cast<unsigned char>(c) & 0x80) != 0;
}

/// Where the quoted text, comment or dollar-quoted body starting at `at` ends (one past it), or
/// `at` when nothing starts there.
std::size_t skip_quoted(std::string_view sql, std::size_t at) {
  const char c = sql[at];
  const auto rest = sql.substr(at);
  if (rest.starts_with("--")) {
    const auto end = sql.find('\n', at);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (rest.starts_with("/*")) {
    int depth = 0;  // PostgreSQL block comments nest
    std::size_t i = at;
    while (i + 1 < sql.size()) {
      if (sql[i] == '/' && sql[i + 1] == '*') {
        ++depth;
        i += 2;
      } else if (sql[i] == '*' && sql[i + 1] == '/') {
        i += 2;
        if (--depth == 0) return i;
      } else {
        ++i;
      }
    }
    return sql.size();
  }
  if (c == '\'' || c == '"') {
    // E'...' strings take backslash escapes; elsewhere a doubled quote is the only escape.
    const bool escapes = c == '\'' && at > 0 && (sql[at - 1] == 'E' || sql[at - 1] == 'e') &&
                         (at < 2 || !is_identifier_char(sql[at - 2]));
    for (std::size_t i = at + 1; i < sql.size(); ++i) {
      if (escapes && sql[i] == '\\')
        ++i;
      else if (sql[i] == c && i + 1 < sql.size() && sql[i + 1] == c)
        ++i;
      else if (sql[i] == c)
        return i + 1;
    }
    return sql.size();
  }
  if (c == '$' && (at == 0 || !is_identifier_char(sql[at - 1]))) {
    const auto close = sql.find('$', at + 1);
    if (close == std::string_view::npos) return at;
    const auto tag = sql.substr(at, close - at + 1);  // "$tag$" or "$$"
    const bool valid_tag = std::all_of(tag.begin() + 1, tag.end() - 1,
                                       [](char t) { return is_identifier_char(t) && t != '$'; }) &&
                           (tag.size() == 2 || !(tag[1] >= '0' && tag[1] <= '9'));
    if (!valid_tag) return at;
    const auto end = sql.find(tag, close + 1);
    return end == std::string_view::npos ? sql.size() : end + tag.size();
  }
  return at;
}

}  // namespace

std::vector<std::string_view> split_statements(std::string_view sql) {
  std::vector<std::string_view> statements;
  std::size_t start = 0;
  std::size_t i = 0;
  const auto flush = [&](std::size_t end) {
    const auto statement = sql.substr(start, end - start);
    // A statement of only comments and blanks is dropped.
    for (std::size_t k = 0; k < statement.size();) {
      const auto rest = statement.substr(k);
      if (rest.starts_with("--") || rest.starts_with("/*")) {
        k = skip_quoted(statement, k);
      } else if (is_blank(rest.substr(0, 1))) {
        ++k;
      } else {
        statements.push_back(statement);
        return;
      }
    }
  };
  while (i < sql.size()) {
    const std::size_t skipped = skip_quoted(sql, i);
    if (skipped != i) {
      i = skipped;
    } else if (sql[i] == ';') {
      flush(i + 1);
      start = ++i;
    } else {
      ++i;
    }
  }
  flush(sql.size());
  return statements;
}

int line_of_position(std::string_view sql, int position) {
  int line = 1;
  int characters = 0;
  for (const char c : sql) {
    // PostgreSQL counts characters, not bytes: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    if (++characters >= position) break;
    if (c == '\n') ++line;
  }
  return line;
}

}  // namespace tmeit::db
