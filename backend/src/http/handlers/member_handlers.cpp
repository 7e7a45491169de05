#include "http/handlers/member_handlers.hpp"

#include "db/errors.hpp"
#include "domain/member_fields.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"

namespace tmeit::http {
namespace {

/// Turns a refused PATCH or create into its error: 400 naming a field the caller may not set,
/// else 422 with every invalid value.
void throw_problems(const domain::MemberPatchProblems& problems) {
  if (problems.forbidden_field) {
    const auto& name = *problems.forbidden_field;
    throw unknown_field(name, "field '" + name + "' does not exist or may not be changed by you");
  }
  if (!problems.invalid.empty()) throw ValidationError(problems.invalid);
}

bool is_email_conflict(const db::DbError& error) {
  return error.is_unique_violation() && error.constraint() == "members_login_email_key";
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
  const auto viewer = domain::member_viewer_of(ctx.viewer, member);
  co_return json_text_response(ctx.request, Status::ok, domain::member_json(member, viewer));
}

asio::awaitable<Response> MemberHandlers::create_member(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  domain::MemberPatchProblems problems;
  const auto member = domain::member_from_create(body, problems);
  throw_problems(problems);
  try {
    auto created = co_await members_.create(*member);
    // 200, not 201: the original answered 200 and its clients test for exactly that.
    co_return json_text_response(ctx.request, Status::ok,
                                 domain::member_json(created, domain::MemberViewer::master));
  } catch (const db::DbError& error) {
    if (!is_email_conflict(error)) throw;
  }
  throw Conflict("a member with this email already exists");
}

asio::awaitable<Response> MemberHandlers::patch_member(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  if (body.empty()) throw BadRequest("nothing to change: send the fields to set");
  auto member = co_await find_or_404(ctx);
  const auto viewer = domain::member_viewer_of(ctx.viewer, member);
  if (viewer != domain::MemberViewer::self && viewer != domain::MemberViewer::master) {
    throw Forbidden("you may only change your own profile");  // the original's 403
  }
  throw_problems(domain::apply_member_patch(member, body, viewer));
  try {
    auto updated = co_await members_.update(member);
    if (!updated) throw NotFound("no such member");
    co_return json_text_response(ctx.request, Status::ok, domain::member_json(*updated, viewer));
  } catch (const db::DbError& error) {
    if (!is_email_conflict(error)) throw;
  }
  throw Conflict("another member already has this email");
}

asio::awaitable<Response> MemberHandlers::delete_member(RequestContext& ctx) {
  const auto& short_uuid = ctx.path_params.at("short_uuid");
  if (short_uuid == ctx.viewer->short_uuid) {
    throw Conflict("you cannot delete your own account; ask another master");
  }
  auto removed = co_await members_.remove(short_uuid);
  if (!removed) throw NotFound("no such member");
  // 200 with a body like the event deletion: the original's client reads the answer as JSON.
  co_return json_response(ctx.request, Status::ok, deleted_json("short_uuid", short_uuid));
}

}  // namespace tmeit::http
