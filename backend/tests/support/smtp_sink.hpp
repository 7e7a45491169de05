#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/helper_process.hpp"
#include "support/temp_dir.hpp"

namespace tmeit::test {

/// A real SMTP server on 127.0.0.1 (support/smtp_sink.py, on Debian's python3-aiosmtpd) that
/// keeps every message it receives as a file. Stopped on destruction.
class SmtpSink {
 public:
  /// Starts listening on `port` (0: a free one) and waits until it accepts connections. With a
  /// `delay`, each message is answered that much later (kept on disk before the wait).
  explicit SmtpSink(std::uint16_t port = 0,
                    std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  /// "smtp://127.0.0.1:<port>", for TMEIT_SMTP_URL.
  std::string url() const;
  /// Every message received so far, oldest first, with the envelope as X-Sink-* header lines.
  std::vector<std::string> messages() const;
  /// Stops the server (SIGTERM) and waits for it to exit.
  void stop();
  /// What the server wrote to stdout and stderr, for failure messages.
  std::string output() const;

 private:
  TempDir folder_;
  std::uint16_t port_;
  HelperProcess process_;
};

/// "smtp://127.0.0.1:<port>".
std::string smtp_url(std::uint16_t port);

}  // namespace tmeit::test
