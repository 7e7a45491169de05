#pragma once

#include <functional>
#include <string_view>

namespace tmeit::http {

/// A page of a list: `limit` (1-500, default 100) items after skipping `offset` (≥ 0).
struct Page {
  int limit = 100;
  int offset = 0;
};

/// Calls `visit(name, value)` for every `name=value` pair of the target's query string (values
/// as sent, not percent-decoded).
void for_each_query_parameter(std::string_view target,
                              const std::function<void(std::string_view, std::string_view)>& visit);

/// Reads `limit` or `offset` into `page`; false for any other name. A bad value is a 422 naming
/// the parameter.
bool read_page_parameter(std::string_view name, std::string_view value, Page& page);

/// The page a request target asks for; other parameters are ignored.
Page page_of(std::string_view target);

}  // namespace tmeit::http
