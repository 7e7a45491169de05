#include "storage/object_writer.hpp"

#include <algorithm>

namespace tmeit::storage {

ObjectWriter::ObjectWriter(ObjectStore& store, std::string key, PutOptions options,
                           std::size_t part_size)
    : store_(store),
      key_(std::move(key)),
      options_(std::move(options)),
      part_size_(std::max<std::size_t>(part_size, 1)) {
  buffer_.reserve(part_size_);
}

ObjectWriter::~ObjectWriter() {
  abort();
}

void ObjectWriter::write(std::string_view data) {
  if (done_) throw StorageError("write after finish or abort: " + key_, 0, false);
  size_ += data.size();
  while (!data.empty()) {
    const std::size_t room = part_size_ - buffer_.size();
    const std::size_t n = std::min(room, data.size());
    buffer_.append(data.substr(0, n));
    data.remove_prefix(n);
    if (buffer_.size() == part_size_) flush_part();
  }
}

void ObjectWriter::flush_part() {
  if (!upload_) upload_ = store_.start_multipart(key_, options_);
  upload_->upload_part(buffer_);
  buffer_.clear();
}

std::uint64_t ObjectWriter::finish() {
  if (done_) throw StorageError("finish after finish or abort: " + key_, 0, false);
  if (!upload_) {
    store_.put(key_, buffer_, options_);
  } else {
    // A multipart upload always ends with a part; it may be empty only if it is the first.
    if (!buffer_.empty()) flush_part();
    upload_->complete();
    upload_.reset();
  }
  buffer_.clear();
  buffer_.shrink_to_fit();
  done_ = true;
  return size_;
}

void ObjectWriter::abort() noexcept {
  if (upload_) {
    upload_->abort();
    upload_.reset();
  }
  buffer_.clear();
  done_ = true;
}

}  // namespace tmeit::storage
