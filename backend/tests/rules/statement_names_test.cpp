// Prepared statements are cached per connection by name: two statements with one name would run
// whichever SQL the connection prepared first.
#include "rules/statement_names.hpp"

#include "rules/paths.hpp"

#include <gtest/gtest.h>

namespace tmeit::rules {
namespace {

TEST(StatementNames, AreUniqueAcrossTheSources) {
  const auto statements = statement_names(read_sources(paths::source_dir));
  // The scan finds the repositories' statements (43 when this test was written), not nothing.
  EXPECT_GE(statements.size(), 40U);
  const auto problems = statement_name_problems(statements);
  EXPECT_TRUE(problems.empty()) << one_per_line(problems);
}

TEST(StatementNames, ASharedNameIsReported) {
  const std::vector<SourceFile> sources{
      {"db/member_repository.cpp",
       "constexpr Statement delete_member{\"members_delete\",\n    \"DELETE FROM members\"};\n"},
      {"db/event_repository.cpp",
       "\nconstexpr Statement delete_event{\n    \"members_delete\", \"DELETE FROM events\"};\n"}};
  EXPECT_EQ(statement_name_problems(statement_names(sources)),
            std::vector<std::string>{"db/event_repository.cpp:2: statement name \"members_delete\" "
                                     "is already used at db/member_repository.cpp:1"});
}

TEST(StatementNames, FindsEveryFormOfDefinition) {
  const std::vector<SourceFile> sources{
      {"db/statement.hpp", "struct Statement {\n  const char* name;\n};\n"},
      {"db/a.cpp",
       "constexpr Statement a{\"a_one\", \"SELECT 1\"};\n"
       "static const Statement b = {\"a_two\", sql.c_str()};\n"
       "return db::Statement{\"a_three\", \"SELECT 3\"};\n"
       "const Statement c{name_from_somewhere, \"SELECT 4\"};\n"
       "void run(const Statement& statement) {}\n"}};
  const auto found = statement_names(sources);
  ASSERT_EQ(found.size(), 4U);
  EXPECT_EQ(found[0].name, "a_one");
  EXPECT_EQ(found[1].name, "a_two");
  EXPECT_EQ(found[2].name, "a_three");
  EXPECT_EQ(statement_name_problems(found),
            std::vector<std::string>{"db/a.cpp:4: the statement's name is not a string literal"});
}

}  // namespace
}  // namespace tmeit::rules
