#pragma once

#include "db/member_repository.hpp"
#include "http/types.hpp"

namespace tmeit::http {

/// The member directory and its administration; every response is shaped per viewer by the
/// permission matrix (domain/member_fields).
class MemberHandlers {
 public:
  explicit MemberHandlers(db::MemberRepository& members) : members_(members) {}

  asio::awaitable<Response> list_members(RequestContext& ctx);
  asio::awaitable<Response> get_member(RequestContext& ctx);
  asio::awaitable<Response> create_member(RequestContext& ctx);
  asio::awaitable<Response> patch_member(RequestContext& ctx);
  asio::awaitable<Response> delete_member(RequestContext& ctx);

 private:
  asio::awaitable<domain::Member> find_or_404(const RequestContext& ctx);

  db::MemberRepository& members_;
};

}  // namespace tmeit::http
