#include "http/single_flight.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tmeit::http {
namespace {

namespace asio = boost::asio;
using std::chrono::milliseconds;

/// Requests on one io_context; each render waits at a gate the test opens.
class SingleFlightTest : public ::testing::Test {
 protected:
  asio::awaitable<std::string> render() {
    const auto number = gates_.size() + 1;
    auto& gate =
        *gates_.emplace_back(std::make_unique<asio::steady_timer>(io_, std::chrono::hours(1)));
    boost::system::error_code ignored;
    co_await gate.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    if (fail_) throw std::runtime_error("render failed");
    co_return "render " + std::to_string(number);
  }

  /// Starts a request and runs until everything waits.
  void request(const std::string& name, const std::string& key) {
    asio::co_spawn(
        io_,
        [this, name, key]() -> asio::awaitable<void> {
          const SingleFlight::Render work = [this] { return render(); };
          try {
            const auto text = co_await flights_.run(key, work);
            answers_[name] = *text;
          } catch (const std::exception& error) {
            answers_[name] = std::string("error: ") + error.what();
          }
        },
        asio::detached);
    poll();
  }

  /// Lets render `number` (from 1) finish, and runs until everything waits again.
  void open(std::size_t number) {
    gates_.at(number - 1)->cancel();
    poll();
  }

  /// Runs what is ready; restarts the io_context first, since it stops whenever it runs dry.
  void poll() {
    io_.restart();
    io_.poll();
  }

  std::size_t renders() const { return gates_.size(); }

  asio::io_context io_;
  SingleFlight flights_{milliseconds(2000)};
  std::vector<std::unique_ptr<asio::steady_timer>> gates_;
  std::map<std::string, std::string> answers_;
  bool fail_ = false;
};

TEST_F(SingleFlightTest, RequestsThatWaitTogetherShareTheNextRenderNeverAnEarlierOne) {
  request("a", "k");
  request("b", "k");
  request("c", "k");
  request("d", "k");
  EXPECT_EQ(renders(), 1U);  // b, c and d wait for the render after a's
  open(1);
  EXPECT_EQ(answers_["a"], "render 1");
  EXPECT_EQ(answers_.count("b"), 0U) << "b arrived after render 1 started";
  EXPECT_EQ(renders(), 2U);
  request("e", "k");
  open(2);
  EXPECT_EQ(answers_["b"], "render 2");
  EXPECT_EQ(answers_["c"], "render 2");
  EXPECT_EQ(answers_["d"], "render 2");
  EXPECT_EQ(answers_.count("e"), 0U) << "e arrived after render 2 started";
  open(3);
  EXPECT_EQ(answers_["e"], "render 3");
  EXPECT_EQ(renders(), 3U);
}

TEST_F(SingleFlightTest, DifferentKeysNeverShare) {
  request("public", "public");
  request("master", "master");
  EXPECT_EQ(renders(), 2U);
  open(2);
  open(1);
  EXPECT_EQ(answers_["public"], "render 1");
  EXPECT_EQ(answers_["master"], "render 2");
}

TEST_F(SingleFlightTest, AnErrorReachesEveryRequestSharingTheRender) {
  request("a", "k");
  request("b", "k");
  request("c", "k");
  open(1);
  fail_ = true;
  open(2);
  EXPECT_EQ(answers_["a"], "render 1");
  EXPECT_EQ(answers_["b"], "error: render failed");
  EXPECT_EQ(answers_["c"], "error: render failed");
  fail_ = false;
  request("d", "k");  // the key works again afterwards
  open(3);
  EXPECT_EQ(answers_["d"], "render 3");
}

TEST_F(SingleFlightTest, WaitsAreBounded) {
  SingleFlight quick(milliseconds(20));
  const SingleFlight::Render work = [this] { return render(); };
  for (const auto* name : {"a", "b", "c"}) {
    asio::co_spawn(
        io_,
        [&, name]() -> asio::awaitable<void> {
          try {
            const auto text = co_await quick.run("k", work);
            answers_[name] = *text;
          } catch (const std::exception& error) {
            answers_[name] = std::string("error: ") + error.what();
          }
        },
        asio::detached);
  }
  io_.run_for(milliseconds(300));
  // Render 1 never ends: b gave up waiting for it after 20 ms and rendered itself; c, waiting
  // for b's render, which never ends either, got a 503 after 60 ms.
  EXPECT_EQ(renders(), 2U);
  EXPECT_EQ(answers_["c"], "error: busy: the answer took too long, try again");
  EXPECT_EQ(answers_.count("a"), 0U);
  open(2);
  open(1);
  EXPECT_EQ(answers_["b"], "render 2");
  EXPECT_EQ(answers_["a"], "render 1");
}

}  // namespace
}  // namespace tmeit::http
