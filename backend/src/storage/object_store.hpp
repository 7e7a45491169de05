#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::storage {

/// An object storage call failed. `status` is the HTTP status when the server answered (0 for
/// transport failures: connect, timeout, reset); `retryable` says whether trying again later
/// may help (5xx and transport failures) or not (4xx: the request itself is wrong or refused).
/// Messages name the operation and the key, never credentials or signatures.
class StorageError : public std::runtime_error {
 public:
  StorageError(const std::string& message, int status, bool retryable)
      : std::runtime_error(message), status_(status), retryable_(retryable) {}
  int status() const { return status_; }
  bool retryable() const { return retryable_; }

 private:
  int status_;
  bool retryable_;
};

/// S3 Object Lock for one new object: it cannot be deleted or overwritten before `retain_until`
/// (COMPLIANCE: not even by the bucket owner). Needs a bucket created with Object Lock enabled.
struct ObjectLock {
  std::chrono::system_clock::time_point retain_until;
};

/// What a new object is written with.
struct PutOptions {
  std::string content_type = "application/octet-stream";
  /// User metadata (S3 x-amz-meta-*): lower-case ASCII names, ASCII values.
  std::map<std::string, std::string> metadata;
  std::optional<ObjectLock> lock;
};

/// What HEAD tells about an object.
struct ObjectHead {
  std::uint64_t size = 0;
  std::string etag;
  std::map<std::string, std::string> metadata;
};

/// One entry of a listing.
struct ObjectInfo {
  std::string key;
  std::uint64_t size = 0;
  std::string last_modified;  ///< as the store reports it; never trusted for retention
};

/// One page of a listing, in key order. `next` continues it; empty when this was the last page.
struct ListPage {
  std::vector<ObjectInfo> objects;
  std::string next;
};

/// Receives an object's bytes in order, chunk by chunk.
using ChunkSink = std::function<void(std::string_view chunk)>;

/// A multipart upload in progress: parts go up in order, then complete() makes the object
/// appear whole, at once. Destroyed before complete(), it aborts, so the parts never count
/// and (on S3) stop costing storage.
class MultipartUpload {
 public:
  virtual ~MultipartUpload() = default;
  /// Uploads the next part. Every part but the last must be at least 5 MiB on S3.
  virtual void upload_part(std::string_view data) = 0;
  /// Assembles the parts into the object.
  virtual void complete() = 0;
  /// Gives up: the parts are discarded. Never throws (it runs on error paths).
  virtual void abort() noexcept = 0;
};

/// Object storage with one interface and two backends: an S3 API (S3Store) and a local folder
/// (FolderStore). Keys are '/'-separated paths of printable characters. Every call blocks:
/// call it from a CLI command or a worker thread, never from an HTTP I/O thread.
class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  /// Writes a whole object from memory (replacing one with the same key, where allowed).
  virtual void put(const std::string& key, std::string_view body, const PutOptions& options) = 0;
  /// Streams an object to `sink`; false when there is no such key.
  virtual bool get(const std::string& key, const ChunkSink& sink) = 0;
  /// Size, ETag and metadata; std::nullopt when there is no such key.
  virtual std::optional<ObjectHead> head(const std::string& key) = 0;
  /// Deletes an object; deleting a missing key is not an error.
  virtual void remove(const std::string& key) = 0;
  /// Up to `max_keys` objects whose key starts with `prefix`, after the page `continuation`.
  virtual ListPage list(const std::string& prefix, const std::string& continuation,
                        std::size_t max_keys) = 0;
  /// Starts a multipart upload of `key`.
  virtual std::unique_ptr<MultipartUpload> start_multipart(const std::string& key,
                                                           const PutOptions& options) = 0;
  /// A short description for logs ("s3 https://host/bucket", "folder /data/storage").
  virtual std::string describe() const = 0;

  /// Every object under `prefix`, all pages, in key order.
  virtual std::vector<ObjectInfo> list_all(const std::string& prefix);
};

}  // namespace tmeit::storage
