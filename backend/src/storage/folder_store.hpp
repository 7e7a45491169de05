#pragma once

#include "storage/object_store.hpp"

#include <filesystem>

namespace tmeit::storage {

/// ObjectStore in a local folder: the embedded default of `./scripts/run` (under the data
/// directory) and a target for single-machine backups. An object is the file `<root>/<key>`;
/// writes go to a temporary file under `<root>/.tmeit-tmp/`, are flushed to disk and renamed
/// into place, so a reader sees the whole old object or the whole new one and a crash leaves
/// no half object. Keys are checked by valid_key, so none can reach outside the folder.
/// Metadata sits beside, under `<root>/.tmeit-meta/`. Object Lock does not apply.
class FolderStore : public ObjectStore {
 public:
  /// Creates `root` if needed.
  explicit FolderStore(std::filesystem::path root);

  void put(const std::string& key, std::string_view body, const PutOptions& options) override;
  bool get(const std::string& key, const ChunkSink& sink) override;
  std::optional<ObjectHead> head(const std::string& key) override;
  void remove(const std::string& key) override;
  ListPage list(const std::string& prefix, const std::string& continuation,
                std::size_t max_keys) override;
  /// One walk of the folder instead of one per page.
  std::vector<ObjectInfo> list_all(const std::string& prefix) override;
  std::unique_ptr<MultipartUpload> start_multipart(const std::string& key,
                                                   const PutOptions& options) override;
  std::string describe() const override;

  const std::filesystem::path& root() const { return root_; }

 private:
  friend class FolderMultipart;
  std::filesystem::path object_path(const std::string& key) const;
  std::filesystem::path meta_path(const std::string& key) const;
  /// Moves a finished temporary file to `key` (and writes its metadata first).
  void publish(const std::filesystem::path& temp, const std::string& key,
               const PutOptions& options);
  std::vector<std::string> keys_under(const std::string& prefix) const;

  std::filesystem::path root_;
};

}  // namespace tmeit::storage
