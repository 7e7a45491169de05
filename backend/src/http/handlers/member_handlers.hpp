#pragma once

#include "db/member_repository.hpp"
#include "http/single_flight.hpp"
#include "http/types.hpp"

#include <chrono>

namespace tmeit::http {

/// The member directory and its administration; every response is shaped per viewer by the
/// permission matrix (domain/member_fields).
class MemberHandlers {
 public:
  /// `max_wait` bounds how long a list request waits for one running before it (the database
  /// timeout is a good value).
  MemberHandlers(db::MemberRepository& members, std::chrono::milliseconds max_wait)
      : members_(members), lists_(max_wait) {}

  asio::awaitable<Response> list_members(RequestContext& ctx);
  asio::awaitable<Response> get_member(RequestContext& ctx);
  asio::awaitable<Response> create_member(RequestContext& ctx);
  asio::awaitable<Response> patch_member(RequestContext& ctx);
  asio::awaitable<Response> delete_member(RequestContext& ctx);

 private:
  asio::awaitable<domain::Member> find_or_404(const RequestContext& ctx);
  /// The directory as `viewer` sees it, as JSON text.
  asio::awaitable<std::string> render_list(const std::optional<domain::Viewer>& viewer);

  db::MemberRepository& members_;
  SingleFlight lists_;  // list requests that queue up together share one query and rendering
};

}  // namespace tmeit::http
