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

TEST(BlockingPool, RefusesWorkWhenTheQueueIsFull) {
  BlockingPool pool(1, 1);
  std::promise<void> started;
  std::promise<void> release;
  auto released = release.get_future().share();
  asio::io_context io;
  std::atomic<int> saturated = 0;
  std::atomic<int> done = 0;
  auto task = [&](bool first) -> asio::awaitable<void> {
    try {
      auto work = [&started, released, first] {
        if (first) started.set_value();
        released.wait();
        return 1;
      };
      co_await pool.run(work);
      ++done;
    } catch (const PoolSaturated&) {
      ++saturated;
    }
  };
  // The first job occupies the only thread, the second waits in the queue, the third finds the
  // queue full.
  asio::co_spawn(io, task(true), asio::detached);
  io.poll();
  started.get_future().wait();
  asio::co_spawn(io, task(false), asio::detached);
  asio::co_spawn(io, task(false), asio::detached);
  io.poll();
  EXPECT_EQ(saturated, 1);
  release.set_value();
  io.restart();
  io.run();
  EXPECT_EQ(done, 2);
}

TEST(BlockingPool, AQueueOfZeroTakesAsManyJobsAsItHasThreads) {
  BlockingPool pool(1, 0);
  std::promise<void> started;
  std::promise<void> release;
  auto released = release.get_future().share();
  asio::io_context io;
  std::atomic<int> saturated = 0;
  std::atomic<int> done = 0;
  auto task = [&](bool first) -> asio::awaitable<void> {
    try {
      auto work = [&started, released, first] {
        if (first) {
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
  };
  // The first job has the only thread; the second finds no free thread and no queue.
  asio::co_spawn(io, task(true), asio::detached);
  io.poll();
  started.get_future().wait();
  asio::co_spawn(io, task(false), asio::detached);
  io.poll();
  EXPECT_EQ(saturated, 1);
  release.set_value();
  io.restart();
  io.run();
  EXPECT_EQ(done, 1);
  // Once the first has finished, the thread takes the next job.
  asio::co_spawn(io, task(false), asio::detached);
  io.restart();
  io.run();
  EXPECT_EQ(done, 2);
  EXPECT_EQ(saturated, 1);
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
