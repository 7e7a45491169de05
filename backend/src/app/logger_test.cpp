#include "app/logger.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <exception>
#include <stdexcept>
#include <string>

namespace tmeit::app {
namespace {

/// Everything written to the read end of a pipe so far.
std::string drain(int fd) {
  std::string text;
  std::array<char, 4096> buffer{};
  ssize_t n = 0;
  while ((n = ::read(fd, buffer.data(), buffer.size())) > 0) text.append(buffer.data(), n);
  return text;
}

TEST(Logger, AnExceptionIsAnErrorLineAndIsCounted) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  {
    Logger logger(LogLevel::info, fds[1]);
    EXPECT_EQ(logger.exceptions(), 0u);
    logger.error("a known failure");
    logger.exception("unexpected", {{"error", "boom"}});
    logger.exception("unexpected again");
    EXPECT_EQ(logger.exceptions(), 2u);
  }
  ::close(fds[1]);
  const std::string text = drain(fds[0]);
  ::close(fds[0]);
  EXPECT_NE(text.find(R"("level":"error","msg":"unexpected","error":"boom")"), std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("level":"error","msg":"a known failure")"), std::string::npos) << text;
}

TEST(Logger, AnExceptionPtrIsLoggedWithItsWhatAndContext) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  {
    Logger logger(LogLevel::info, fds[1]);
    logger.exception("accept loop stopped",
                     std::make_exception_ptr(std::runtime_error("out of descriptors")),
                     {{"coroutine", "accept_loop"}});
    logger.exception("session ended", std::make_exception_ptr(42), {{"coroutine", "session"}});
    // A null exception_ptr is a coroutine that returned normally: no line, not counted.
    logger.exception("never logged", std::exception_ptr(), {{"coroutine", "session"}});
    EXPECT_EQ(logger.exceptions(), 2u);
  }
  ::close(fds[1]);
  const std::string text = drain(fds[0]);
  ::close(fds[0]);
  EXPECT_NE(
      text.find(
          R"("msg":"accept loop stopped","coroutine":"accept_loop","error":"out of descriptors")"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          R"("msg":"session ended","coroutine":"session","error":"an exception that is not a std::exception")"),
      std::string::npos)
      << text;
  EXPECT_EQ(text.find("never logged"), std::string::npos) << text;
}

}  // namespace
}  // namespace tmeit::app
