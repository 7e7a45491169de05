#include "backup/manifest.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace tmeit::backup {

std::string Manifest::to_json() const {
  const nlohmann::json doc{{"key", key},
                           {"taken_at", taken_at},
                           {"size", size},
                           {"sha256", sha256},
                           {"app_version", app_version},
                           {"schema_version", schema_version},
                           {"row_counts", row_counts},
                           {"format", format}};
  return doc.dump(2) + "\n";
}

Manifest Manifest::from_json(const std::string& text) {
  try {
    const auto doc = nlohmann::json::parse(text);
    Manifest manifest;
    manifest.key = doc.at("key").get<std::string>();
    manifest.taken_at = doc.at("taken_at").get<std::string>();
    manifest.size = doc.at("size").get<std::uint64_t>();
    manifest.sha256 = doc.at("sha256").get<std::string>();
    manifest.app_version = doc.at("app_version").get<std::string>();
    manifest.schema_version = doc.at("schema_version").get<int>();
    manifest.row_counts = doc.at("row_counts").get<std::map<std::string, std::int64_t>>();
    manifest.format = doc.value("format", manifest.format);
    return manifest;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(std::string("not a backup manifest: ") + error.what());
  }
}

}  // namespace tmeit::backup
