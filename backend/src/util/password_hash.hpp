#pragma once

#include <string>
#include <string_view>

namespace tmeit::util {

/// argon2id cost: t=3 passes over m=64 MiB with p=1 lane (OWASP's recommendation).
struct Argon2Cost {
  unsigned time_cost = 3;
  unsigned memory_kib = 64 * 1024;
  unsigned parallelism = 1;
};

/// Hashes a password with argon2id and a random 16-byte salt; returns the PHC string
/// ("$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>"). CPU- and memory-heavy: call it off the
/// I/O threads.
std::string hash_password(std::string_view password, Argon2Cost cost = {});

/// True when `password` matches the PHC string; false for a wrong password or a malformed hash.
bool verify_password(std::string_view password, const std::string& encoded);

}  // namespace tmeit::util
