#include "app/logger.hpp"

#include "app/log_writer.hpp"

#include <chrono>
#include <ctime>
#include <string>

namespace tmeit::app {

LogLevel parse_log_level(std::string_view text) {
  if (text == "debug") return LogLevel::debug;
  if (text == "warn") return LogLevel::warn;
  if (text == "error") return LogLevel::error;
  return LogLevel::info;
}

namespace {

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warn:
      return "warn";
    case LogLevel::error:
      return "error";
  }
  return "info";
}

}  // namespace

std::string utc_timestamp() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto secs = time_point_cast<seconds>(now);
  const auto millis = duration_cast<milliseconds>(now - secs).count();
  const std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(millis));
  return out;
}

Logger::Logger(LogLevel min_level, int fd) : min_level_(min_level), fd_(fd) {}

Logger::~Logger() = default;

void Logger::write_in_background() {
  background_ = std::make_unique<LogWriter>(fd_);
}

void Logger::log(LogLevel level, std::string_view msg, const nlohmann::json& fields) const {
  if (!enabled(level)) return;
  std::string rest;
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) {
      if (!rest.empty()) rest.push_back(',');
      rest += nlohmann::json(key).dump();
      rest.push_back(':');
      // Replace invalid UTF-8 from clients (paths, headers) instead of throwing.
      rest += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  log_preformatted(level, msg, rest);
}

void Logger::log_preformatted(LogLevel level, std::string_view msg,
                              std::string_view json_fields) const {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(96 + msg.size() + json_fields.size());
  line += "{\"time\":\"";
  line += utc_timestamp();
  line += "\",\"level\":\"";
  line += level_name(level);
  line += "\",\"msg\":";
  line += nlohmann::json(msg).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (!json_fields.empty()) {
    line.push_back(',');
    line += json_fields;
  }
  line += "}\n";
  if (background_) {
    background_->write(line);
  } else {
    write_all(fd_, line);
  }
}

void Logger::exception(std::string_view msg, const std::exception_ptr& error,
                       nlohmann::json fields) const {
  if (!error) return;
  if (!fields.is_object()) fields = nlohmann::json::object();
  fields["error"] = describe_exception(error);
  exception(msg, fields);
}

std::string describe_exception(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& thrown) {
    return thrown.what();
  } catch (...) {
    // Only a description is wanted here; the caller logs it and counts it.
    return "an exception that is not a std::exception";
  }
}

}  // namespace tmeit::app
