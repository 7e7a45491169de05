#include "cli/usage.hpp"

#include <iostream>

namespace tmeit::cli {

int Usage::error(std::string_view problem) const {
  std::cerr << "tmeit " << command << ": " << problem << "\n" << text;
  return 2;
}

}  // namespace tmeit::cli
