#pragma once

// Absolute paths baked in by CMake (backend/tests/CMakeLists.txt), so the tests run from any
// folder.
namespace tmeit::rules::paths {

/// backend/src: the sources the rules hold.
inline constexpr const char* source_dir = TMEIT_RULES_SOURCE_DIR;
/// The layer table backend/CMakeLists.txt writes (tmeit_layer).
inline constexpr const char* layer_table = TMEIT_RULES_LAYER_TABLE;

}  // namespace tmeit::rules::paths
