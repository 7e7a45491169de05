#include "app/blocking_pool.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace tmeit::app {
namespace {

namespace asio = boost::asio;

TEST(BlockingPool, RunsWorkOffTheCallingThreadAndResumesOnIt) {
  BlockingPool pool(2, 8);
  asio::io_context io;
  std::thread::id work_thread;
  std::thread::id resumed_on;
  int result = 0;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        auto work = [&] {
          work_thread = std::this_thread::get_id();
          return 42;
        };
        auto value = co_await pool.run(work);
        resumed_on = std::this_thread::get_id();
        result = value;
      },
      asio::detached);
  io.run();
  EXPECT_EQ(result, 42);
  EXPECT_NE(work_thread, std::this_thread::get_id());
  EXPECT_EQ(resumed_on, std::this_thread::get_id());
}

TEST(BlockingPool, StopFinishesTheJobInHandAndRefusesNewOnes) {
  BlockingPool pool(1, 8);
  asio::io_context io;
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        auto work = [&] {
          started = true;
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          finished = true;
          return 0;
        };
        co_await pool.run(work);
      },
      asio::detached);
  while (!started) {  // runs the coroutine until it has handed its job to the pool
    io.poll();
    std::this_thread::yield();
  }
  pool.stop();
  EXPECT_TRUE(finished);  // stop() joined the thread only after the job in hand ended
  bool refused = false;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        try {
          auto work = [] { return 1; };
          co_await pool.run(work);
        } catch (const PoolSaturated&) {
          refused = true;
        }
      },
      asio::detached);
  io.run();
  EXPECT_TRUE(refused);
}

TEST(BlockingPool, PassesExceptionsBack) {
  BlockingPool pool(1, 8);
  asio::io_context io;
  std::string caught;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        try {
          auto work = []() -> int { throw std::runtime_error("boom"); };
          co_await pool.run(work);
        } catch (const std::runtime_error& error) {
          caught = error.what();
        }
      },
      asio::detached);
  io.run();
  EXPECT_EQ(caught, "boom");
}

/// Jobs for a pool of one thread: one holds the thread until release(), the others return at
/// once; each counts whether the pool took it (done) or refused it (saturated).
struct GatedJobs {
  explicit GatedJobs(BlockingPool& tested) : pool(tested) {}

  asio::awaitable<void> job(bool holds_the_thread) {
    try {
      auto work = [this, holds_the_thread] {
        if (holds_the_thread) {
          started.set_value();
          released.wait();
        }
        return 1;
      };
      co_await pool.run(work);
      ++done;
    } catch (const PoolSaturated&) {
      ++saturated;
    }
  }
  /// Starts the job that holds the thread and waits until it runs; false when the pool
  /// refused it.
  bool hold_the_thread() {
    asio::co_spawn(io, job(true), asio::detached);
    io.poll();
    return saturated == 0 &&
           started.get_future().wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  }
  /// Offers `count` jobs that the pool takes or refuses at once.
  void offer(int count) {
    for (int i = 0; i < count; ++i) asio::co_spawn(io, job(false), asio::detached);
    io.restart();
    io.poll();
  }
  /// Runs every job taken to its end.
  void finish() {
    io.restart();
    io.run();
  }
  /// Lets the holding job end, then finish().
  void release() {
    gate.set_value();
    finish();
  }

  BlockingPool& pool;
  asio::io_context io;
  std::promise<void> started;
  std::promise<void> gate;
  std::shared_future<void> released = gate.get_future().share();
  std::atomic<int> saturated = 0;
  std::atomic<int> done = 0;
};

TEST(BlockingPool, RefusesWorkWhenTheQueueIsFull) {
  BlockingPool pool(1, 1);
  GatedJobs jobs(pool);
  // The first job occupies the only thread, the second waits in the queue, the third finds the
  // queue full.
  ASSERT_TRUE(jobs.hold_the_thread());
  jobs.offer(2);
  EXPECT_EQ(jobs.saturated, 1);
  jobs.release();
  EXPECT_EQ(jobs.done, 2);
}

TEST(BlockingPool, AQueueOfZeroTakesAsManyJobsAsItHasThreads) {
  BlockingPool pool(1, 0);
  GatedJobs jobs(pool);
  // The first job has the only thread; the second finds no free thread and no queue.
  ASSERT_TRUE(jobs.hold_the_thread());
  jobs.offer(1);
  EXPECT_EQ(jobs.saturated, 1);
  jobs.release();
  EXPECT_EQ(jobs.done, 1);
  // Once the first has finished, the thread takes the next job.
  jobs.offer(1);
  jobs.finish();
  EXPECT_EQ(jobs.done, 2);
  EXPECT_EQ(jobs.saturated, 1);
}

TEST(BlockingPool, RunsItsThreadsAtTheNicenessAsked) {
  BlockingPool pool(1, 8, 10);
  asio::io_context io;
  int niceness = -100;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        auto work = [] { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); };
        auto value = co_await pool.run(work);
        niceness = value;
      },
      asio::detached);
  io.run();
  EXPECT_GE(niceness, 10);
}

}  // namespace
}  // namespace tmeit::app
