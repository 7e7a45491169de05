#pragma once

#include "storage/object_store.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tmeit::storage {

/// Writes one object of unknown length with bounded memory: bytes collect in a buffer of
/// `part_size`; an object that stays smaller goes up with one PUT, a larger one as a multipart
/// upload, one part per full buffer. Destroyed before finish() (an exception, a failed
/// producer), it aborts: no object appears and no part is left behind.
class ObjectWriter {
 public:
  /// S3 wants parts of at least 5 MiB (all but the last); 8 MiB keeps the memory small.
  static constexpr std::size_t default_part_size = std::size_t{8} * 1024 * 1024;

  ObjectWriter(ObjectStore& store, std::string key, PutOptions options,
               std::size_t part_size = default_part_size);
  ~ObjectWriter();
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  /// Adds bytes; uploads a part whenever the buffer is full.
  void write(std::string_view data);
  /// Uploads the rest and makes the object appear; returns its size in bytes.
  std::uint64_t finish();
  /// Discards everything written so far (idempotent, never throws).
  void abort() noexcept;
  /// Bytes written so far.
  std::uint64_t size() const { return size_; }

 private:
  void flush_part();

  ObjectStore& store_;
  std::string key_;
  PutOptions options_;
  std::size_t part_size_;
  std::string buffer_;
  std::unique_ptr<MultipartUpload> upload_;
  std::uint64_t size_ = 0;
  bool done_ = false;
};

}  // namespace tmeit::storage
