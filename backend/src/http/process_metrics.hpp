#pragma once

#include "app/logger.hpp"
#include "http/metrics.hpp"

namespace tmeit::http {

/// Adds what every long-running process exposes on its /metrics: resident memory, CPU time and
/// open file descriptors, `tmeit_build_info{version, schema_version}` and
/// `tmeit_exceptions_total` (the exceptions `logger` was told of). `logger` must outlive
/// `metrics`' last render.
void add_process_metrics(Metrics& metrics, const app::Logger& logger);

}  // namespace tmeit::http
