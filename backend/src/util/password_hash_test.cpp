#include "util/password_hash.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

// Small cost keeps the unit tests fast; production uses the defaults.
constexpr Argon2Cost cheap{1, 1024, 1};

TEST(PasswordHash, ProducesAnArgon2idPhcString) {
  const auto encoded = hash_password("correct horse", cheap);
  EXPECT_EQ(encoded.rfind("$argon2id$v=19$m=1024,t=1,p=1$", 0), 0u);
}

TEST(PasswordHash, DefaultCostIsOwaspArgon2id) {
  const auto encoded = hash_password("correct horse");
  EXPECT_EQ(encoded.rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0), 0u);
}

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  const auto encoded = hash_password("correct horse", cheap);
  EXPECT_TRUE(verify_password("correct horse", encoded));
  EXPECT_FALSE(verify_password("correct horsf", encoded));
}

TEST(PasswordHash, SaltsDiffer) {
  EXPECT_NE(hash_password("same", cheap), hash_password("same", cheap));
}

TEST(PasswordHash, MalformedHashNeverVerifies) {
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_FALSE(verify_password("x", "$argon2id$garbage"));
  EXPECT_FALSE(verify_password("x", "$2b$10$bcrypt-is-not-accepted"));
}

}  // namespace
}  // namespace tmeit::util
