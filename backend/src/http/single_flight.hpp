#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tmeit::http {

/// Renders a read once for the requests that queue up for it. Per key, at most one render runs
/// at a time; requests arriving meanwhile wait together, and the next render starts when the
/// running one ends and serves all of them. Every render starts after each request it serves
/// arrived, so every answer is as fresh as its request: nothing is cached, and a write
/// acknowledged before a request arrived is always visible to it.
///
/// Under load this turns a burst of identical list requests into one query and one JSON
/// rendering. The key must name everything the text depends on, the viewer's shape included,
/// so one viewer never gets another's data. Thread-safe; callers run on single-threaded
/// executors (the I/O threads).
class SingleFlight {
 public:
  /// Renders the response body.
  using Render = std::function<boost::asio::awaitable<std::string>()>;

  /// A request waits at most `max_wait` for the render before it (then starts its own), and at
  /// most three times that in all; past that it gets a 503.
  explicit SingleFlight(std::chrono::milliseconds max_wait) : max_wait_(max_wait) {}
  SingleFlight(const SingleFlight&) = delete;
  SingleFlight& operator=(const SingleFlight&) = delete;

  /// The text `render` makes, shared with the requests for the same key that wait with this
  /// one. Throws what `render` throws; the requests sharing it get the same error.
  boost::asio::awaitable<std::shared_ptr<const std::string>> run(const std::string& key,
                                                                 const Render& render);

 private:
  struct Flight;
  struct Waiter;
  /// Per key: the render running, and the one that starts when it ends.
  struct Slot {
    std::shared_ptr<Flight> running;
    std::shared_ptr<Flight> next;
  };

  boost::asio::awaitable<std::shared_ptr<const std::string>> lead(const std::string& key,
                                                                  std::shared_ptr<Flight> flight,
                                                                  const Render& render);
  boost::asio::awaitable<std::shared_ptr<const std::string>> join(std::shared_ptr<Flight> flight,
                                                                  std::shared_ptr<Waiter> waiter);
  void start(const std::string& key, const std::shared_ptr<Flight>& flight,
             const std::shared_ptr<Flight>& before, const std::shared_ptr<Waiter>& waiter);
  void land(const std::string& key, const std::shared_ptr<Flight>& flight,
            std::shared_ptr<const std::string> text, std::exception_ptr error);

  std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
};

}  // namespace tmeit::http
