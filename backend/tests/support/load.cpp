#include "support/load.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

namespace tmeit::test {

std::uint64_t LoadReport::count(unsigned from, unsigned to) const {
  std::uint64_t total = 0;
  for (const auto& [status, n] : statuses) {
    if (status >= from && status < to) total += n;
  }
  return total;
}

double LoadReport::percentile_ms(double p) const {
  if (latencies_ms.empty()) return 0;
  std::vector<float> sorted = latencies_ms;
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  const auto index = std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1);
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(index),
                   sorted.end());
  return sorted[index];
}

std::string LoadReport::summary() const {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << rate() << " req/s over " << seconds << " s: " << requests
      << " answered, p50 " << percentile_ms(50) << " ms, p99 " << percentile_ms(99) << " ms, max "
      << percentile_ms(100) << " ms; statuses";
  for (const auto& [status, n] : statuses) out << " " << status << "×" << n;
  out << "; transport errors " << transport_errors;
  for (const auto& error : first_errors) out << " [" << error << "]";
  return out.str();
}

Request get_request(std::string_view target, const Headers& headers) {
  Request request{http::verb::get, target, 11};
  for (const auto& [name, value] : headers) request.set(name, value);
  request.set(http::field::host, "127.0.0.1");
  return request;
}

Request json_request(http::verb method, std::string_view target, const Headers& headers,
                     const std::string& body) {
  Request request{method, target, 11};
  for (const auto& [name, value] : headers) request.set(name, value);
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();
  return request;
}

LoadGenerator::LoadGenerator(std::size_t workers, NextRequest next, Observer observe)
    : next_(std::move(next)),
      observe_(std::move(observe)),
      started_(std::chrono::steady_clock::now()),
      reports_(workers) {
  for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this, i] { work(i); });
}

LoadGenerator::~LoadGenerator() {
  stop();
}

void LoadGenerator::work(std::size_t worker) {
  LoadReport report;
  std::map<std::uint16_t, std::unique_ptr<Connection>> connections;
  for (std::uint64_t sequence = 0; !stopping_.load(); ++sequence) {
    LoadRequest next = next_(worker, sequence);
    auto& connection = connections[next.port];
    const auto started = std::chrono::steady_clock::now();
    try {
      if (!connection) connection = std::make_unique<Connection>(next.port, 10s);
      Response response = connection->send(next.request);
      const std::chrono::duration<float, std::milli> took =
          std::chrono::steady_clock::now() - started;
      report.latencies_ms.push_back(took.count());
      ++report.requests;
      ++report.statuses[response.result_int()];
      ++answered_;
      if (!response.keep_alive()) connection.reset();
      if (observe_) observe_(worker, next, response);
    } catch (const std::exception& error) {
      ++report.transport_errors;
      if (report.first_errors.size() < 5) {
        report.first_errors.push_back(std::string(next.request.target()) + ": " + error.what());
      }
      connection.reset();
    }
  }
  std::lock_guard lock(mutex_);
  reports_[worker] = std::move(report);
}

LoadReport LoadGenerator::stop() {
  if (stopped_) return merged_;
  stopped_ = true;
  stopping_ = true;
  for (auto& thread : threads_) thread.join();
  merged_.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  for (auto& report : reports_) {
    merged_.requests += report.requests;
    merged_.transport_errors += report.transport_errors;
    for (const auto& [status, n] : report.statuses) merged_.statuses[status] += n;
    for (auto& error : report.first_errors) {
      if (merged_.first_errors.size() < 5) merged_.first_errors.push_back(std::move(error));
    }
    merged_.latencies_ms.insert(merged_.latencies_ms.end(), report.latencies_ms.begin(),
                                report.latencies_ms.end());
  }
  return merged_;
}

}  // namespace tmeit::test
