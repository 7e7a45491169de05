#pragma once

#include "db/pool.hpp"
#include "http/types.hpp"

namespace tmeit::http {

/// Mail the masters can trigger by hand.
class EmailHandlers {
 public:
  explicit EmailHandlers(db::Pool& pool) : pool_(pool) {}

  /// POST /api/v1/members/send_test_email [{to}]: queues a test mail to `to`, or to the caller.
  asio::awaitable<Response> send_test_email(RequestContext& ctx);

 private:
  db::Pool& pool_;
};

}  // namespace tmeit::http
