#include "rules/statement_names.hpp"

#include <map>
#include <regex>

namespace tmeit::rules {

std::vector<StatementName> statement_names(const std::vector<SourceFile>& sources) {
  // "Statement", an optional variable name and "=", "{", then the name's literal if it is one. The
  // struct's own definition ("struct Statement {") is the one match to leave out.
  static const std::regex definition(
      R"re((struct\s+)?\bStatement\s*(\w+\s*)?(=\s*)?\{\s*("([^"]*)")?)re");
  std::vector<StatementName> found;
  for (const auto& source : sources) {
    for (auto it = std::sregex_iterator(source.text.begin(), source.text.end(), definition);
         it != std::sregex_iterator(); ++it) {
      if ((*it)[1].matched) continue;
      const auto where =
          source.path + ":" +
          std::to_string(line_at(source.text, static_cast<std::size_t>(it->position(0))));
      found.push_back({where, (*it)[5].str()});
    }
  }
  return found;
}

std::vector<std::string> statement_name_problems(const std::vector<StatementName>& statements) {
  std::vector<std::string> problems;
  std::map<std::string, std::string> first_seen;
  for (const auto& statement : statements) {
    if (statement.name.empty()) {
      problems.push_back(statement.where + ": the statement's name is not a string literal");
      continue;
    }
    const auto [seen, is_new] = first_seen.emplace(statement.name, statement.where);
    if (!is_new) {
      problems.push_back(statement.where + ": statement name \"" + statement.name +
                         "\" is already used at " + seen->second);
    }
  }
  return problems;
}

}  // namespace tmeit::rules
