#pragma once

#include <string_view>

namespace tmeit::cli {

/// A command's usage text, and how it answers arguments it does not take.
struct Usage {
  std::string_view command;  ///< as typed after `tmeit`, e.g. "migrate"
  std::string_view text;

  /// Prints "tmeit <command>: <problem>" and the usage to stderr; returns 2, the exit status of
  /// a usage error.
  int error(std::string_view problem) const;
};

}  // namespace tmeit::cli
