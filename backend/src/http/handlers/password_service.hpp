#pragma once

#include "app/blocking_pool.hpp"
#include "http/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tmeit::http {

/// Password work for the handlers: argon2id hashing and checking on the blocking pool (never on
/// an I/O thread; a full queue is a 503), and the strength rule.
class PasswordService {
 public:
  explicit PasswordService(app::BlockingPool& pool) : pool_(pool) {}

  /// The argon2id PHC string of `password`.
  asio::awaitable<std::string> hash(const std::string& password) const;

  /// Whether `password` matches `hash`. Without a hash (unknown member, or no password set) it
  /// checks against a dummy hash of the same cost and says false, so the answer takes as long
  /// either way and does not reveal which emails exist.
  asio::awaitable<bool> verify(const std::string& password,
                               const std::optional<std::string>& hash) const;

  /// Throws ValidationError {field: reason} when zxcvbn scores `password` below 3; `user_inputs`
  /// (email, names) count as known words.
  static void require_strong(const std::string& password, const std::string& field,
                             const std::vector<std::string>& user_inputs);

 private:
  app::BlockingPool& pool_;
};

}  // namespace tmeit::http
