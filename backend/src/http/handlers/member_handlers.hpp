#pragma once

#include "db/member_repository.hpp"
#include "db/pool.hpp"
#include "http/photo_objects.hpp"
#include "http/single_flight.hpp"
#include "http/types.hpp"

#include <chrono>

namespace tmeit::http {

/// The member directory and its administration; every response is shaped per viewer by the
/// permission matrix (domain/member_fields). Changes run in transactions that name the acting
/// member, so the audit log knows who did what.
class MemberHandlers {
 public:
  /// `max_wait` bounds how long a list request waits for one running before it (the database
  /// timeout is a good value).
  /// `photo_objects` deletes an erased member's photos.
  MemberHandlers(db::Pool& pool, db::MemberRepository& members, PhotoObjects& photo_objects,
                 std::chrono::milliseconds max_wait)
      : pool_(pool), members_(members), photo_objects_(photo_objects), lists_(max_wait) {}

  asio::awaitable<Response> list_members(RequestContext& ctx);
  asio::awaitable<Response> get_member(RequestContext& ctx);
  asio::awaitable<Response> create_member(RequestContext& ctx);
  asio::awaitable<Response> patch_member(RequestContext& ctx);
  /// Erases the member and everything held about them (db::erase_member), their photos'
  /// objects too.
  asio::awaitable<Response> delete_member(RequestContext& ctx);
  /// Everything held about a member, as a JSON download: for the member and for masters.
  asio::awaitable<Response> export_member(RequestContext& ctx);
  /// The audit log of member changes, newest first (masters).
  asio::awaitable<Response> list_audit_log(RequestContext& ctx);

 private:
  asio::awaitable<domain::Member> find_or_404(const RequestContext& ctx);
  /// The directory as `viewer` sees it, as JSON text.
  asio::awaitable<std::string> render_list(const std::optional<domain::Viewer>& viewer);

  db::Pool& pool_;
  db::MemberRepository& members_;
  PhotoObjects& photo_objects_;
  SingleFlight lists_;  // list requests that queue up together share one query and rendering
};

}  // namespace tmeit::http
