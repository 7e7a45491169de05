#pragma once

// <utility> before Asio: Boost 1.74's coroutine support needs it with g++ 12.
#include <utility>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

namespace tmeit::app {

/// Thrown by BlockingPool::run when its queue is full: the caller should answer 503.
class PoolSaturated : public std::runtime_error {
 public:
  PoolSaturated() : std::runtime_error("blocking pool saturated") {}
};

/// A few threads for CPU-heavy or blocking work (argon2 hashing, photos) that must never run on
/// an I/O thread. The queue is bounded: when every thread has a job and `max_queued` more wait,
/// run() throws PoolSaturated at once instead of letting requests pile up behind each other
/// (`max_queued` 0: as many jobs as threads, none waiting).
class BlockingPool {
 public:
  /// `niceness` > 0 lowers the threads' CPU priority (Linux nice), so that I/O threads keep
  /// answering quickly while every pool thread hashes.
  BlockingPool(std::size_t threads, std::size_t max_queued, int niceness = 0);
  ~BlockingPool();
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  /// Runs `work` on a pool thread and resumes the calling coroutine on its own executor with
  /// the result (or the exception `work` threw). Pass a named object: g++ 12 mishandles
  /// temporaries that live across a co_await.
  template <typename Work>
  boost::asio::awaitable<std::invoke_result_t<std::decay_t<Work>>> run(Work&& work);

  /// Lets the threads finish the job in hand and joins them; run() then throws PoolSaturated.
  /// Call it before the io_contexts that callers resume on are destroyed: a job in hand holds a
  /// work guard on its caller's io_context and releases it when it ends.
  void stop();

  std::size_t threads() const { return threads_.size(); }
  /// Jobs waiting for a thread now (for /metrics).
  std::size_t queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }

 private:
  /// Queues `job`; false when the queue is full.
  bool try_post(std::function<void()> job);
  /// A job's work is done (before its result is handed back).
  void finished();
  void worker_loop(int niceness);

  std::size_t max_queued_;
  std::size_t thread_count_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;  // threads running a job
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

template <typename Work>
boost::asio::awaitable<std::invoke_result_t<std::decay_t<Work>>> BlockingPool::run(Work&& work) {
  using Result = std::invoke_result_t<std::decay_t<Work>>;
  static_assert(std::is_default_constructible_v<Result> && !std::is_void_v<Result>);
  auto initiate = [this,
                   work = std::decay_t<Work>(std::forward<Work>(work))](auto handler) mutable {
    // std::function needs a copyable job; the handler is move-only, so it lives on the heap.
    auto shared = std::make_shared<decltype(handler)>(std::move(handler));
    auto executor = boost::asio::get_associated_executor(*shared);
    auto guard = std::make_shared<boost::asio::executor_work_guard<decltype(executor)>>(executor);
    auto job = [this, work = std::move(work), shared, guard]() mutable {
      std::exception_ptr error;
      Result result{};
      try {
        result = work();
      } catch (...) {
        error = std::current_exception();
      }
      // Free before the caller resumes: its next run() must find this thread free.
      finished();
      boost::asio::dispatch(guard->get_executor(),
                            [shared, guard, error, result = std::move(result)]() mutable {
                              (*shared)(error, std::move(result));
                            });
    };
    if (!try_post(std::move(job))) {
      boost::asio::dispatch(executor, [shared, guard]() mutable {
        (*shared)(std::make_exception_ptr(PoolSaturated()), Result{});
      });
    }
  };
  co_return co_await boost::asio::async_initiate<decltype(boost::asio::use_awaitable),
                                                 void(std::exception_ptr, Result)>(
      std::move(initiate), boost::asio::use_awaitable);
}

}  // namespace tmeit::app
