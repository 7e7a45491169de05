#include "rules/layers.hpp"

#include <sstream>

namespace tmeit::rules {

namespace {

/// The folder a path starts with ("db" for "db/pool.hpp"), or "" for a file at the top.
std::string first_folder(const std::string& path) {
  const auto slash = path.find('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, separator)) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

}  // namespace

LayerTable parse_layer_table(const std::string& text) {
  LayerTable table;
  for (const auto& line : split(text, '\n')) {
    const auto colon = line.find(':');
    table[line.substr(0, colon)] = colon == std::string::npos ? std::vector<std::string>{}
                                                              : split(line.substr(colon + 1), ';');
  }
  return table;
}

std::set<std::string> reachable_layers(const LayerTable& table, const std::string& layer) {
  std::set<std::string> reached{layer};
  std::vector<std::string> pending{layer};
  while (!pending.empty()) {
    const std::string current = pending.back();
    pending.pop_back();
    const auto row = table.find(current);
    if (row == table.end()) continue;
    for (const auto& lower : row->second) {
      if (reached.insert(lower).second) pending.push_back(lower);
    }
  }
  return reached;
}

std::vector<std::string> layer_violations(const LayerTable& table,
                                          const std::vector<SourceFile>& sources) {
  std::vector<std::string> violations;
  for (const auto& source : sources) {
    const std::string layer = first_folder(source.path);
    if (layer.empty()) continue;
    if (!table.contains(layer)) {
      violations.push_back(source.path + ": folder " + layer +
                           " is no layer (add it with tmeit_layer in backend/CMakeLists.txt)");
      continue;
    }
    const auto allowed = reachable_layers(table, layer);
    for (const auto& include : quoted_includes(source.text)) {
      const std::string target = first_folder(include.target);
      if (allowed.contains(target)) continue;
      const std::string where = source.path + ":" + std::to_string(include.line) + ": ";
      violations.push_back(table.contains(target)
                               ? where + layer + " includes \"" + include.target +
                                     "\" from layer " + target +
                                     ", which it does not link (upward or sideways)"
                               : where + "\"" + include.target + "\" is in no layer");
    }
  }
  return violations;
}

}  // namespace tmeit::rules
