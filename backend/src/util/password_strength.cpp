#include "util/password_strength.hpp"

#include <zxcvbn.h>

#include <cmath>
#include <memory>

namespace tmeit::util {
namespace {

/// zxcvbn's score from its guess estimate, as zxcvbn.js computes it.
int score_for_bits(double bits) {
  const double guesses = std::pow(2.0, bits);
  if (guesses < 1e3) return 0;
  if (guesses < 1e6) return 1;
  if (guesses < 1e8) return 2;
  if (guesses < 1e10) return 3;
  return 4;
}

/// A human reason from the weakest kind of pattern zxcvbn found.
std::string reason_for(const ZxcMatch_t* matches) {
  for (const auto* match = matches; match != nullptr; match = match->Next) {
    switch (static_cast<int>(match->Type) & ~static_cast<int>(MULTIPLE_MATCH)) {
      case DICTIONARY_MATCH:
      case DICT_LEET_MATCH:
        return "it is built from common words or passwords";
      case USER_MATCH:
      case USER_LEET_MATCH:
        return "it contains your name or email";
      case SPATIAL_MATCH:
        return "it follows a keyboard pattern";
      case REPEATS_MATCH:
        return "it repeats characters";
      case SEQUENCE_MATCH:
        return "it contains a sequence like abc or 123";
      case DATE_MATCH:
      case YEAR_MATCH:
        return "it contains a date or year";
      default:
        break;
    }
  }
  return "it is too short or simple";
}

struct MatchInfoDeleter {
  void operator()(ZxcMatch_t* info) const { ZxcvbnFreeInfo(info); }
};

}  // namespace

PasswordVerdict judge_password(std::string_view password,
                               const std::vector<std::string>& user_inputs) {
  if (password.size() < 10) return {0, "password too weak: use at least 10 characters"};
  if (password.size() > 1000) return {0, "password too long: use at most 1000 characters"};
  const std::string text(password);
  std::vector<const char*> dictionary;
  for (const auto& input : user_inputs) {
    if (!input.empty()) dictionary.push_back(input.c_str());
  }
  dictionary.push_back(nullptr);
  ZxcMatch_t* raw_info = nullptr;
  const double bits = ZxcvbnMatch(text.c_str(), dictionary.data(), &raw_info);
  const std::unique_ptr<ZxcMatch_t, MatchInfoDeleter> info(raw_info);
  PasswordVerdict verdict{score_for_bits(bits), std::nullopt};
  if (verdict.score < min_password_score) {
    verdict.problem = "password too weak (strength " + std::to_string(verdict.score) +
                      " of 4, need " + std::to_string(min_password_score) +
                      "): " + reason_for(info.get());
  }
  return verdict;
}

}  // namespace tmeit::util
