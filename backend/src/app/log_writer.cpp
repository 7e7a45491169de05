#include "app/log_writer.hpp"

#include "app/logger.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace tmeit::app {
namespace {

/// How long the writer waits after the first line of a batch for more to join it.
constexpr auto batch_window = std::chrono::milliseconds(2);

std::string dropped_warning(std::size_t count) {
  return R"({"time":")" + utc_timestamp() +
         R"(","level":"warn","msg":"log lines dropped: output too slow","count":)" +
         std::to_string(count) + "}\n";
}

}  // namespace

void write_all(int fd, std::string_view text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    // Nowhere left to report a broken stdout; dropping the rest is all we can do.
    if (n <= 0) return;
    written += static_cast<std::size_t>(n);
  }
}

LogWriter::LogWriter(int fd, std::size_t max_pending_bytes)
    : fd_(fd), max_pending_bytes_(max_pending_bytes), thread_([this] { run(); }) {}

LogWriter::~LogWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void LogWriter::write(std::string_view line) {
  bool was_empty = false;
  {
    std::lock_guard lock(mutex_);
    if (pending_.size() + line.size() > max_pending_bytes_) {
      ++dropped_;
      return;
    }
    was_empty = pending_.empty();
    pending_ += line;
  }
  // Only the first line of a batch needs to wake the writer; it collects the rest itself.
  if (was_empty) wake_.notify_one();
}

void LogWriter::run() {
  std::string batch;
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !pending_.empty() || dropped_ > 0; });
    if (!stopping_) {
      lock.unlock();
      std::this_thread::sleep_for(batch_window);
      lock.lock();
    }
    batch.clear();
    batch.swap(pending_);
    if (dropped_ > 0) batch += dropped_warning(dropped_);
    dropped_ = 0;
    const bool last = stopping_;
    lock.unlock();
    write_all(fd_, batch);
    lock.lock();
    if (last && pending_.empty()) return;
  }
}

}  // namespace tmeit::app
