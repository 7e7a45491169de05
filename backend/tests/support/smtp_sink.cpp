#include "support/smtp_sink.hpp"

#include <algorithm>
#include <stdexcept>

#include "support/paths.hpp"
#include "support/postgres.hpp"

namespace tmeit::test {
namespace {

// Debian's python3 with python3-aiosmtpd; not whatever `python3` comes first on PATH.
constexpr const char* system_python = "/usr/bin/python3";

}  // namespace

std::string smtp_url(std::uint16_t port) {
  return "smtp://127.0.0.1:" + std::to_string(port);
}

SmtpSink::SmtpSink(std::uint16_t port, std::chrono::milliseconds delay)
    : port_(port != 0 ? port : free_port()),
      process_({system_python, paths::smtp_sink, std::to_string(port_), folder_.path().string(),
                std::to_string(delay.count() / 1000.0)},
               "ready", 15s, "smtp_sink.py") {}

std::string SmtpSink::output() const {
  return process_.output();
}

std::string SmtpSink::url() const {
  return smtp_url(port_);
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder_.path())) {
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(read_file(file));
  return out;
}

void SmtpSink::stop() {
  process_.stop();
}

}  // namespace tmeit::test
