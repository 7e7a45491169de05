#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace tmeit::app {

class LogWriter;

enum class LogLevel { debug = 0, info = 1, warn = 2, error = 3 };

LogLevel parse_log_level(std::string_view text);

/// Writes one JSON object per line to stdout: {"time", "level", "msg", ...fields}.
/// Safe to call from any thread; each line goes out in one write() so lines never interleave.
class Logger {
 public:
  explicit Logger(LogLevel min_level = LogLevel::info, int fd = 1);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  /// From now on, lines are written in batches by a background thread (see LogWriter); the
  /// destructor writes what is left. For the server, which logs every request.
  void write_in_background();

  bool enabled(LogLevel level) const { return level >= min_level_; }

  void log(LogLevel level, std::string_view msg, const nlohmann::json& fields = nullptr) const;
  /// For hot paths (the access log): `json_fields` is already-serialized `"key":value,...`.
  void log_preformatted(LogLevel level, std::string_view msg, std::string_view json_fields) const;
  void debug(std::string_view msg, const nlohmann::json& fields = nullptr) const {
    log(LogLevel::debug, msg, fields);
  }
  void info(std::string_view msg, const nlohmann::json& fields = nullptr) const {
    log(LogLevel::info, msg, fields);
  }
  void warn(std::string_view msg, const nlohmann::json& fields = nullptr) const {
    log(LogLevel::warn, msg, fields);
  }
  void error(std::string_view msg, const nlohmann::json& fields = nullptr) const {
    log(LogLevel::error, msg, fields);
  }
  /// An exception no code expected, caught by a catch-all: an error line, and one more for
  /// exceptions() (`tmeit_exceptions_total` on /metrics, which alerts).
  void exception(std::string_view msg, const nlohmann::json& fields = nullptr) const {
    exceptions_.fetch_add(1, std::memory_order_relaxed);
    log(LogLevel::error, msg, fields);
  }
  /// exception() for an exception handed over as an exception_ptr (a co_spawn completion, a
  /// thread's result): its what() goes into `fields` as "error". A null `error`, which is how a
  /// completion says the coroutine returned normally, logs nothing.
  void exception(std::string_view msg, const std::exception_ptr& error,
                 nlohmann::json fields) const;
  /// How many times exception() was called since the process started.
  std::uint64_t exceptions() const { return exceptions_.load(std::memory_order_relaxed); }

 private:
  LogLevel min_level_;
  int fd_;
  std::unique_ptr<LogWriter> background_;
  mutable std::atomic<std::uint64_t> exceptions_{0};
};

/// What `error` holds, for a log line: its what(), or a placeholder for an exception that is not
/// a std::exception.
std::string describe_exception(const std::exception_ptr& error);

/// The current UTC time as RFC 3339 with milliseconds, e.g. 2026-11-26T07:08:09.123Z.
std::string utc_timestamp();

}  // namespace tmeit::app
