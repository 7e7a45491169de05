#include "util/file_slice.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace tmeit::util {
namespace {

/// Owns a file descriptor; closes it once.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    // A close() failure on a read-only descriptor loses nothing; there is nobody to report to.
    if (fd_ >= 0) static_cast<void>(::close(fd_));
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string read_file_slice(const std::filesystem::path& file, std::uint64_t offset,
                            std::uint64_t length, std::optional<std::uint64_t> expected_size) {
  const FileDescriptor fd{::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (fd.get() < 0) {
    throw std::system_error(errno, std::generic_category(), "cannot open " + file.string());
  }
  if (expected_size) {
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) {
      throw std::system_error(errno, std::generic_category(), "cannot stat " + file.string());
    }
    if (static_cast<std::uint64_t>(status.st_size) != *expected_size) {
      throw std::runtime_error(file.string() + " changed size since it was indexed");
    }
  }
  std::string content(length, '\0');
  std::uint64_t done = 0;
  while (done < length) {
    const ssize_t got =
        ::pread(fd.get(), content.data() + done, length - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      throw std::system_error(errno, std::generic_category(), "cannot read " + file.string());
    }
    if (got == 0) {
      throw std::runtime_error(file.string() + " is shorter than when it was indexed");
    }
    done += static_cast<std::uint64_t>(got);
  }
  return content;
}

}  // namespace tmeit::util
