#pragma once

#include "rules/source_tree.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tmeit::rules {

/// Each layer (a folder of src/) and the layers it links directly, as backend/CMakeLists.txt
/// declares them with tmeit_layer.
using LayerTable = std::map<std::string, std::vector<std::string>>;

/// Reads the table CMake writes (generated/layers.txt): one line per layer, "name:lower;lower".
LayerTable parse_layer_table(const std::string& text);

/// The layers `layer` may include from: itself and every layer it reaches through its links.
std::set<std::string> reachable_layers(const LayerTable& table, const std::string& layer);

/// One line per broken rule, "path:line: ...": a file in a folder that is no layer, or an
/// include of a header in a layer its own layer does not reach. Files directly in src/
/// (main.cpp, the composition root) may include anything.
std::vector<std::string> layer_violations(const LayerTable& table,
                                          const std::vector<SourceFile>& sources);

}  // namespace tmeit::rules
