#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::util {

/// zxcvbn's judgement of a password: a score 0-4 (like zxcvbn and @zxcvbn-ts, which the website
/// shows) and, when it is too weak, why.
struct PasswordVerdict {
  int score = 0;
  std::optional<std::string> problem;  // set when score < the required minimum
};

/// The score a password needs: 3, "safely unguessable" (about 10^10 guesses).
inline constexpr int min_password_score = 3;

/// Judges `password` with zxcvbn (Debian's libzxcvbn), counting `user_inputs` (email, names)
/// as known words so a password made of them scores low. Also enforces 10-1000 bytes.
PasswordVerdict judge_password(std::string_view password,
                               const std::vector<std::string>& user_inputs = {});

}  // namespace tmeit::util
