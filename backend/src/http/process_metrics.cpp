#include "http/process_metrics.hpp"

#include "app/build_info.hpp"
#include "app/process_stats.hpp"

#include <string>

namespace tmeit::http {

void add_process_metrics(Metrics& metrics, const app::Logger& logger) {
  metrics.add_collector([&logger](std::string& out) {
    const auto process = app::read_process_stats();
    append_family(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
                  sample("process_resident_memory_bytes", std::to_string(process.resident_bytes)));
    append_family(out, "process_cpu_seconds_total", "counter",
                  "User and system CPU time spent in seconds.",
                  sample("process_cpu_seconds_total", std::to_string(process.cpu_seconds)));
    append_family(out, "process_open_fds", "gauge", "Number of open file descriptors.",
                  sample("process_open_fds", std::to_string(process.open_fds)));
    append_family(out, "tmeit_build_info", "gauge", "Version of the running binary.",
                  sample(std::string(R"(tmeit_build_info{version=")") + app::build_info::version +
                             R"(",schema_version=")" +
                             std::to_string(app::build_info::schema_version) + "\"}",
                         "1"));
    // Always present, from 0, so the first exception is an increase an alert can see.
    append_family(out, "tmeit_exceptions_total", "counter",
                  "Exceptions no code expected, caught by a catch-all and logged as errors.",
                  sample("tmeit_exceptions_total", std::to_string(logger.exceptions())));
  });
}

}  // namespace tmeit::http
