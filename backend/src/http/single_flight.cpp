#include "http/single_flight.hpp"

#include "http/errors.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>
#include <vector>

namespace tmeit::http {

/// A request waiting for a render. Whoever ends the render wakes it by cancelling its timer
/// on the request's own executor; the timer's expiry bounds the wait.
struct SingleFlight::Waiter {
  Waiter(const asio::any_io_executor& executor, std::chrono::milliseconds limit)
      : timer(executor, limit) {}
  asio::steady_timer timer;
};

/// One render and the requests waiting for it; guarded by the mutex.
struct SingleFlight::Flight {
  std::vector<std::shared_ptr<Waiter>> waiters;
  bool landed = false;
  std::shared_ptr<const std::string> text;
  std::exception_ptr error;
};

asio::awaitable<std::shared_ptr<const std::string>> SingleFlight::run(const std::string& key,
                                                                      const Render& render) {
  const auto executor = co_await asio::this_coro::executor;
  std::shared_ptr<Flight> flight;
  std::shared_ptr<Flight> before;  // the running render this one starts after
  std::shared_ptr<Waiter> waiter;
  {
    const std::lock_guard lock(mutex_);
    auto& slot = slots_[key];
    if (slot.next) {
      flight = slot.next;
      waiter = std::make_shared<Waiter>(executor, 3 * max_wait_);
      flight->waiters.push_back(waiter);
    } else if (slot.running) {
      flight = slot.next = std::make_shared<Flight>();
      before = slot.running;
      waiter = std::make_shared<Waiter>(executor, max_wait_);
      before->waiters.push_back(waiter);
    } else {
      flight = slot.running = std::make_shared<Flight>();
    }
  }
  if (waiter && !before) co_return co_await join(std::move(flight), std::move(waiter));
  if (before) {
    boost::system::error_code ignored;
    co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    start(key, flight, before, waiter);
  }
  co_return co_await lead(key, std::move(flight), render);
}

void SingleFlight::start(const std::string& key, const std::shared_ptr<Flight>& flight,
                         const std::shared_ptr<Flight>& before,
                         const std::shared_ptr<Waiter>& waiter) {
  const std::lock_guard lock(mutex_);
  std::erase(before->waiters, waiter);  // still there when the wait timed out
  auto& slot = slots_[key];
  if (slot.next == flight) {
    slot.next = nullptr;
    slot.running = flight;  // when `before` timed out, both run; the later one is tracked
  }
}

asio::awaitable<std::shared_ptr<const std::string>> SingleFlight::lead(
    const std::string& key, std::shared_ptr<Flight> flight, const Render& render) {
  std::shared_ptr<const std::string> text;
  std::exception_ptr error;
  try {
    auto rendered = co_await render();
    text = std::make_shared<const std::string>(std::move(rendered));
  } catch (...) {
    error = std::current_exception();
  }
  land(key, flight, text, error);
  if (error) std::rethrow_exception(error);
  co_return text;
}

asio::awaitable<std::shared_ptr<const std::string>> SingleFlight::join(
    std::shared_ptr<Flight> flight, std::shared_ptr<Waiter> waiter) {
  boost::system::error_code ignored;
  co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  bool landed = false;
  std::shared_ptr<const std::string> text;
  std::exception_ptr error;
  {
    const std::lock_guard lock(mutex_);
    landed = flight->landed;
    if (landed) {
      text = flight->text;
      error = flight->error;
    } else {
      std::erase(flight->waiters, waiter);  // the timer expired first
    }
  }
  if (!landed) throw ServiceUnavailable("busy: the answer took too long, try again");
  if (error) std::rethrow_exception(error);
  co_return text;
}

void SingleFlight::land(const std::string& key, const std::shared_ptr<Flight>& flight,
                        std::shared_ptr<const std::string> text, std::exception_ptr error) {
  std::vector<std::shared_ptr<Waiter>> waiters;
  {
    const std::lock_guard lock(mutex_);
    flight->landed = true;
    flight->text = std::move(text);
    flight->error = std::move(error);
    waiters.swap(flight->waiters);
    const auto slot = slots_.find(key);
    if (slot != slots_.end() && slot->second.running == flight) {
      slot->second.running = nullptr;
      if (!slot->second.next) slots_.erase(slot);
    }
  }
  for (const auto& waiter : waiters) {
    // The timer belongs to the waiter's executor; touch it only from there.
    asio::post(waiter->timer.get_executor(), [waiter] { waiter->timer.cancel(); });
  }
}

}  // namespace tmeit::http
