#pragma once

#include "rules/source_tree.hpp"

#include <string>
#include <vector>

namespace tmeit::rules {

/// A db::Statement defined in the sources: where, and the name it is prepared under.
struct StatementName {
  std::string where;  ///< "db/pool.cpp:12"
  std::string name;
};

/// Every `Statement x{"name", ...}` (or `Statement{"name", ...}`) in `sources`. A definition
/// whose name is not a string literal is returned with an empty name, so no definition escapes.
std::vector<StatementName> statement_names(const std::vector<SourceFile>& sources);

/// One line per problem: a statement whose name is no literal, or a name defined twice (each
/// connection prepares a name once, so the second statement would run the first one's SQL).
std::vector<std::string> statement_name_problems(const std::vector<StatementName>& statements);

}  // namespace tmeit::rules
