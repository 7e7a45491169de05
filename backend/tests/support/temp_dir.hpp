#pragma once

#include <filesystem>
#include <string_view>

namespace tmeit::test {

/// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating parent folders) and returns the full path.
  std::filesystem::path write(const std::filesystem::path& relative,
                              std::string_view content) const;

 private:
  std::filesystem::path path_;
};

/// Reads a whole file; throws if it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace tmeit::test
