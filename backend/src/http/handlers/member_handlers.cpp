#include "http/handlers/member_handlers.hpp"

#include "db/errors.hpp"
#include "db/member_audit_repository.hpp"
#include "db/member_erasure.hpp"
#include "db/personal_data_repository.hpp"
#include "db/photo_repository.hpp"
#include "domain/member_fields.hpp"
#include "http/errors.hpp"
#include "http/etag.hpp"
#include "http/paging.hpp"
#include "http/request_body.hpp"

namespace tmeit::http {
namespace {

/// The 409 for a write the database refused for a reason the client can fix; std::nullopt for
/// any other error.
std::optional<std::string> conflict_of(const db::DbError& error) {
  if (error.is_unique_violation() && error.constraint() == "members_login_email_key") {
    return "another member already has this email";
  }
  if (error.constraint() == "members_keep_one_master") {
    return "the club must keep at least one master: make another member a master first";
  }
  return std::nullopt;
}

/// Runs `write`, turning what the database refused for a reason the client can fix into a 409.
/// Callers pass a named std::function: g++ 12 mishandles some temporaries in co_await.
asio::awaitable<Response> conflicts_as_409(
    const std::function<asio::awaitable<Response>()>& write) {
  std::optional<std::string> conflict;
  try {
    co_return co_await write();
  } catch (const db::DbError& error) {
    conflict = conflict_of(error);
    if (!conflict) throw;
  }
  throw Conflict(*conflict);
}

/// Everything the directory's text depends on: the viewer's shape and, for a member (who
/// sees their own entry as themselves), who they are.
std::string list_key(const std::optional<domain::Viewer>& viewer) {
  const domain::Member nobody;  // no viewer is this member
  switch (domain::member_viewer_of(viewer, nobody)) {
    case domain::MemberViewer::public_viewer:
      return "public";
    case domain::MemberViewer::master:
      return "master";
    default:
      return "member " + viewer->uuid;
  }
}

/// The ETag of `member` as `viewer` sees it: its version and the shape of the answer.
std::string member_etag(const domain::Member& member, domain::MemberViewer viewer) {
  return version_etag(member.version, domain::member_viewer_name(viewer));
}

/// `member` as `viewer` sees it, with its ETag.
Response member_response(const Request& request, Status status, const domain::Member& member,
                         domain::MemberViewer viewer) {
  return with_etag(json_text_response(request, status, domain::member_json(member, viewer)),
                   member_etag(member, viewer));
}

nlohmann::json audit_member_json(const std::optional<domain::AuditMember>& member) {
  if (!member) return nullptr;
  return {{"short_uuid", member->short_uuid}, {"name", member->name}};
}

}  // namespace

asio::awaitable<domain::Member> MemberHandlers::find_or_404(const RequestContext& ctx) {
  auto member = co_await members_.find_by_short_uuid(ctx.path_params.at("short_uuid"));
  if (!member) throw NotFound("no such member");
  co_return std::move(*member);
}

asio::awaitable<Response> MemberHandlers::list_members(RequestContext& ctx) {
  const auto key = list_key(ctx.viewer);
  const SingleFlight::Render render = [this, &ctx] { return render_list(ctx.viewer); };
  const auto body = co_await lists_.run(key, render);
  co_return json_text_response(ctx.request, Status::ok, *body);
}

asio::awaitable<std::string> MemberHandlers::render_list(
    const std::optional<domain::Viewer>& viewer) {
  auto members = co_await members_.list();
  co_return util::json_array(members, 256, [&viewer](auto& writer, const domain::Member& member) {
    domain::write_member(writer, member, domain::member_viewer_of(viewer, member));
  });
}

asio::awaitable<Response> MemberHandlers::get_member(RequestContext& ctx) {
  auto member = co_await find_or_404(ctx);
  co_return member_response(ctx.request, Status::ok, member,
                            domain::member_viewer_of(ctx.viewer, member));
}

asio::awaitable<Response> MemberHandlers::create_member(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  domain::Member member;
  throw_problems(domain::member_from_create(body, member));
  const std::function<asio::awaitable<Response>()> write = [&]() -> asio::awaitable<Response> {
    auto transaction = co_await db::member_audit::begin_as(pool_, ctx.viewer->uuid);
    auto created = co_await members_.create(transaction, member);
    co_await transaction.commit();
    // 200, not 201: the original answered 200 and its clients test for exactly that.
    co_return member_response(ctx.request, Status::ok, created, domain::MemberViewer::master);
  };
  co_return co_await conflicts_as_409(write);
}

asio::awaitable<Response> MemberHandlers::patch_member(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  if (body.empty()) throw BadRequest("nothing to change: send the fields to set");
  const std::function<asio::awaitable<Response>()> write = [&]() -> asio::awaitable<Response> {
    // Read, check and write under the row's lock: a member saving their phone cannot write
    // back the role a master just changed, and If-Match compares with what is really there.
    auto transaction = co_await db::member_audit::begin_as(pool_, ctx.viewer->uuid);
    auto member = co_await members_.lock(transaction, ctx.path_params.at("short_uuid"));
    auto viewer = domain::MemberViewer::member;
    const std::function<void()> checks = [&] {
      if (!member) throw NotFound("no such member");
      viewer = domain::member_viewer_of(ctx.viewer, *member);
      if (viewer != domain::MemberViewer::self && viewer != domain::MemberViewer::master) {
        throw Forbidden("you may only change your own profile");  // the original's 403
      }
      require_if_match(ctx.request, member_etag(*member, viewer));
      throw_problems(domain::apply_member_patch(*member, body, viewer));
    };
    co_await transaction.check(checks);
    auto updated = co_await members_.update(transaction, *member);
    co_await transaction.commit();
    co_return member_response(ctx.request, Status::ok, updated, viewer);
  };
  co_return co_await conflicts_as_409(write);
}

asio::awaitable<Response> MemberHandlers::delete_member(RequestContext& ctx) {
  const auto& short_uuid = ctx.path_params.at("short_uuid");
  if (short_uuid == ctx.viewer->short_uuid) {
    throw Conflict("you cannot delete your own account; ask another master");
  }
  std::vector<std::string> photo_keys;
  const std::function<asio::awaitable<Response>()> write = [&]() -> asio::awaitable<Response> {
    auto transaction = co_await db::member_audit::begin_as(pool_, ctx.viewer->uuid);
    // Their photos' rows go with them; the objects are deleted once that is committed.
    photo_keys = co_await db::PhotoRepository::member_keys(transaction, short_uuid);
    auto erased = co_await db::erase_member(transaction, short_uuid);
    if (!erased) {
      co_await transaction.rollback();
      throw NotFound("no such member");
    }
    co_await transaction.commit();
    // 200 with a body like the event deletion: the original's client reads the answer as JSON.
    co_return json_response(ctx.request, Status::ok, deleted_json("short_uuid", short_uuid));
  };
  auto response = co_await conflicts_as_409(write);
  co_await photo_objects_.release(std::move(photo_keys));
  co_return response;
}

asio::awaitable<Response> MemberHandlers::export_member(RequestContext& ctx) {
  const auto& short_uuid = ctx.path_params.at("short_uuid");
  if (ctx.viewer->role != domain::Role::master && ctx.viewer->short_uuid != short_uuid) {
    throw Forbidden("only the member themselves and masters may download a member's data");
  }
  auto data = co_await db::export_personal_data(pool_, short_uuid);
  if (!data) throw NotFound("no such member");
  auto response = json_text_response(ctx.request, Status::ok, std::move(*data));
  response.set(bhttp::field::content_disposition,
               "attachment; filename=\"tmeit-data-" + short_uuid + ".json\"");
  co_return response;
}

asio::awaitable<Response> MemberHandlers::list_audit_log(RequestContext& ctx) {
  const auto page = page_of(ctx.request.target());
  auto entries = co_await db::member_audit::list(pool_, page.limit, page.offset);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& entry : entries) {
    out.push_back({{"id", entry.id},
                   {"at", entry.at},
                   {"action", entry.action},
                   {"actor", audit_member_json(entry.actor)},
                   {"member_uuid", entry.member_uuid},
                   {"member", audit_member_json(entry.member)},
                   {"changes", nlohmann::json::parse(entry.changes)}});
  }
  co_return json_response(ctx.request, Status::ok, out);
}

}  // namespace tmeit::http
