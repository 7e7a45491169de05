#pragma once

#include <cstdint>
#include <string_view>

namespace tmeit::http::static_assets {

/// What a Range header asks of a representation of a given size.
struct RangeRequest {
  enum class Kind {
    whole,          ///< no usable range (absent, malformed, several ranges): send it all, 200
    partial,        ///< one satisfiable range: 206 with bytes first..last (inclusive)
    unsatisfiable,  ///< one well-formed range outside the content: 416
  };
  Kind kind = Kind::whole;
  std::uint64_t first = 0;
  std::uint64_t last = 0;

  std::uint64_t length() const { return last - first + 1; }
};

/// Parses a single `bytes=` range (`a-b`, `a-`, `-n`) against a representation of `size` bytes.
/// Multiple ranges and malformed headers give `whole`, as RFC 9110 lets a server ignore them.
RangeRequest parse_range(std::string_view header, std::uint64_t size);

}  // namespace tmeit::http::static_assets
