#include "worker/reset_requests.hpp"

#include "db/email_repository.hpp"
#include "db/password_reset_repository.hpp"
#include "db/password_reset_request_repository.hpp"
#include "db/transaction.hpp"
#include "domain/mail_templates.hpp"
#include "domain/password_reset.hpp"
#include "util/random.hpp"
#include "util/sha256.hpp"

namespace tmeit::worker {
namespace {

/// Handles the oldest waiting request; false when there was none.
boost::asio::awaitable<bool> process_one(db::Pool& pool, const std::string& public_url) {
  auto transaction = co_await db::Transaction::begin(pool);
  auto request = co_await db::password_reset_requests::take_next(transaction);
  if (!request) {
    co_await transaction.rollback();
    co_return false;
  }
  if (request->member) {
    const auto& member = *request->member;
    const auto token = util::random_token(domain::reset_token_bytes);
    const auto mail =
        domain::reset_mail(member.login_email, member.first_name, public_url + "/reset/" + token);
    co_await db::password_resets::replace(transaction, member.uuid,
                                          util::to_hex(util::sha256(token)));
    co_await db::email_jobs::enqueue(transaction, mail);
  }
  co_await transaction.commit();
  co_return true;
}

}  // namespace

boost::asio::awaitable<std::size_t> process_reset_requests(db::Pool& pool,
                                                           const std::string& public_url,
                                                           std::size_t max) {
  std::size_t handled = 0;
  while (handled < max && co_await process_one(pool, public_url)) ++handled;
  co_return handled;
}

}  // namespace tmeit::worker
