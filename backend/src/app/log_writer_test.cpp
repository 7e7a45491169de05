#include "app/log_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <string>

namespace tmeit::app {
namespace {

/// A pipe whose read end collects everything written to it once the write end is closed.
class Pipe {
 public:
  Pipe() {
    std::array<int, 2> fds{};
    EXPECT_EQ(::pipe(fds.data()), 0);
    read_fd_ = fds[0];
    write_fd_ = fds[1];
  }
  ~Pipe() {
    if (read_fd_ >= 0) ::close(read_fd_);
    if (write_fd_ >= 0) ::close(write_fd_);
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  int write_fd() const { return write_fd_; }

  std::string read_all() {
    ::close(write_fd_);
    write_fd_ = -1;
    std::string out;
    std::array<char, 4096> chunk{};
    ssize_t n = 0;
    while ((n = ::read(read_fd_, chunk.data(), chunk.size())) > 0) {
      out.append(chunk.data(), static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
};

TEST(LogWriter, WritesEveryLineInOrderByTheTimeItIsDestroyed) {
  Pipe pipe;
  std::string expected;
  {
    LogWriter writer(pipe.write_fd());
    for (int i = 0; i < 1000; ++i) {
      const std::string line = "line " + std::to_string(i) + "\n";
      writer.write(line);
      expected += line;
    }
  }
  EXPECT_EQ(pipe.read_all(), expected);
}

TEST(LogWriter, DropsLinesBeyondTheLimitAndSaysHowMany) {
  Pipe pipe;
  {
    // 16 bytes fit: the first two 8-byte lines; the next three wait in vain unless the writer
    // already took the first batch, so count what arrived rather than assume a schedule.
    LogWriter writer(pipe.write_fd(), 16);
    for (int i = 0; i < 5; ++i) writer.write("1234567\n");
  }
  const std::string out = pipe.read_all();
  const auto lines = std::count(out.begin(), out.end(), '\n');
  const auto kept = static_cast<long>(out.find("dropped") == std::string::npos ? lines : lines - 1);
  if (kept < 5) {
    EXPECT_NE(out.find(R"("msg":"log lines dropped: output too slow","count":)" +
                       std::to_string(5 - kept) + "}"),
              std::string::npos)
        << out;
  }
  EXPECT_GE(kept, 2);
}

}  // namespace
}  // namespace tmeit::app
