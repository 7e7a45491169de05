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

// Parameters by reference and named work objects: g++ 12 mishandles temporaries that live
// across a co_await (ASan reports a bad free).
asio::awaitable<std::string> PasswordService::hash(const std::string& password) const {
  auto work = [password] { return util::hash_password(password); };
  auto hashed = co_await pool_.run(work);
  co_return hashed;
}

asio::awaitable<bool> PasswordService::verify(const std::string& password,
                                              const std::optional<std::string>& hash) const {
  const bool known = hash.has_value();
  const std::string encoded = known ? *hash : std::string(dummy_hash);
  auto work = [password, encoded] { return util::verify_password(password, encoded); };
  auto matches = co_await pool_.run(work);
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
