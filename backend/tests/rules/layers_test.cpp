// Layers point down: every #include in backend/src stays within its layer's links.
#include "rules/layers.hpp"

#include "rules/paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tmeit::rules {
namespace {

LayerTable declared_layers() {
  std::ifstream in(paths::layer_table);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_layer_table(text.str());
}

TEST(Layers, CMakeDeclaresTheLayersBottomUp) {
  const LayerTable table = declared_layers();
  EXPECT_EQ(table.at("util"), std::vector<std::string>{});
  EXPECT_EQ(table.at("domain"), std::vector<std::string>{"app"});
  EXPECT_EQ(reachable_layers(table, "domain"), (std::set<std::string>{"app", "domain", "util"}));
  EXPECT_EQ(reachable_layers(table, "db"), (std::set<std::string>{"app", "db", "domain", "util"}));
  EXPECT_FALSE(reachable_layers(table, "http").contains("worker"));
  EXPECT_FALSE(reachable_layers(table, "worker").contains("http"));
}

TEST(Layers, NoIncludePointsUpwardOrSideways) {
  const auto violations = layer_violations(declared_layers(), read_sources(paths::source_dir));
  EXPECT_TRUE(violations.empty()) << one_per_line(violations);
}

TEST(Layers, AnUpwardIncludeIsReported) {
  const LayerTable table = parse_layer_table("util:\napp:util\ndomain:app\ndb:domain\n");
  const std::vector<SourceFile> sources{
      {"domain/member.hpp",
       "#pragma once\n#include \"app/logger.hpp\"\n#include \"db/pool.hpp\"\n"},
      {"db/pool.hpp",
       "#include <libpq-fe.h>\n#include \"util/text.hpp\"\n#include \"domain/member.hpp\"\n"},
      {"main.cpp", "#include \"db/pool.hpp\"\n"}};
  EXPECT_EQ(layer_violations(table, sources),
            std::vector<std::string>{
                "domain/member.hpp:3: domain includes \"db/pool.hpp\" from layer db, which it does "
                "not link (upward or sideways)"});
}

TEST(Layers, AFolderThatIsNoLayerIsReported) {
  const LayerTable table = parse_layer_table("util:\n");
  const std::vector<SourceFile> sources{{"jobs/queue.cpp", "#include \"util/text.hpp\"\n"},
                                        {"util/text.hpp", "#include \"jobs/queue.hpp\"\n"}};
  EXPECT_EQ(layer_violations(table, sources),
            (std::vector<std::string>{
                "jobs/queue.cpp: folder jobs is no layer (add it with tmeit_layer in "
                "backend/CMakeLists.txt)",
                "util/text.hpp:1: \"jobs/queue.hpp\" is in no layer"}));
}

}  // namespace
}  // namespace tmeit::rules
