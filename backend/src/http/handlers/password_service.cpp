#include "http/handlers/password_service.hpp"

#include "http/errors.hpp"
#include "util/password_hash.hpp"
#include "util/password_strength.hpp"

namespace tmeit::http {
namespace {

// A hash of a password nobody knows, with the cost real hashes have (t=3, m=64 MiB, p=1).
constexpr const char* dummy_hash =
    "$argon2id$v=19$m=65536,t=3,p=1$0tXwr5r6D27vx4Zkbz5bLQ$"
    "sQ7TitEfFroT474hIJJL7IEmIVttRLO7pYXT/w7KSD8";

}  // namespace

asio::awaitable<std::string> PasswordService::hash(std::string password) const {
  // g++ 12 destroys a lambda temporary inside a co_await expression twice: name it first.
  auto task = [password = std::move(password)] { return util::hash_password(password); };
  auto hashed = co_await pool_.run(std::move(task));
  co_return hashed;
}

asio::awaitable<bool> PasswordService::verify(std::string password,
                                              const std::optional<std::string>& hash) const {
  const bool known = hash.has_value();
  std::string encoded = known ? *hash : std::string(dummy_hash);
  // g++ 12 destroys a lambda temporary inside a co_await expression twice: name it first.
  auto task = [password = std::move(password), encoded = std::move(encoded)] {
    return util::verify_password(password, encoded);
  };
  auto matches = co_await pool_.run(std::move(task));
  co_return known&& matches;
}

void PasswordService::require_strong(const std::string& password, const std::string& field,
                                     const std::vector<std::string>& user_inputs) {
  const auto verdict = util::judge_password(password, user_inputs);
  if (verdict.problem) {
    throw ValidationError(nlohmann::json::object({{field, *verdict.problem}}), *verdict.problem);
  }
}

}  // namespace tmeit::http
