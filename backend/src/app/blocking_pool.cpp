#include "app/blocking_pool.hpp"

#include <sys/resource.h>
#include <unistd.h>

namespace tmeit::app {

BlockingPool::BlockingPool(std::size_t threads, std::size_t max_queued, int niceness)
    : max_queued_(max_queued), thread_count_(std::max<std::size_t>(threads, 1)) {
  for (std::size_t i = 0; i < thread_count_; ++i) {
    threads_.emplace_back([this, niceness] { worker_loop(niceness); });
  }
}

BlockingPool::~BlockingPool() {
  stop();
}

void BlockingPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

bool BlockingPool::try_post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    // Jobs not yet picked up count as running on the threads that are free.
    if (stopping_ || queue_.size() + busy_ >= thread_count_ + max_queued_) return false;
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void BlockingPool::worker_loop(int niceness) {
  // On Linux a nice value belongs to the thread; failing to lower it only costs latency.
  if (niceness > 0) (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), niceness);
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      job = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    job();  // calls finished()
  }
}

void BlockingPool::finished() {
  std::lock_guard lock(mutex_);
  --busy_;
}

}  // namespace tmeit::app
