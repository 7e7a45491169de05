#include "http/handlers/photo_handlers.hpp"

#include "domain/event_fields.hpp"
#include "domain/event_visibility.hpp"
#include "domain/member_fields.hpp"
#include "http/errors.hpp"
#include "http/etag.hpp"
#include "http/multipart.hpp"
#include "http/request_body.hpp"
#include "http/static/conditional.hpp"
#include "util/uuid.hpp"

#include <exception>
#include <functional>
#include <memory>

namespace tmeit::http {
namespace {

/// What an upload form carries.
struct Upload {
  std::string data;
  std::string visibility = "members";
};

/// The upload of a multipart/form-data request: one file in the field `file` and, when
/// `takes_visibility`, an optional text field `visibility`. Any other field is a 400 naming it.
Upload upload_of(const Request& request, bool takes_visibility) {
  const auto form = multipart_body(request, MultipartLimits{});
  const auto& file = required_file(form, "file");
  Upload upload{std::string(file.data)};
  for (const auto& [name, value] : form.fields) {
    if (!takes_visibility || name != "visibility") {
      throw unknown_field(name, "field '" + name + "' does not exist");
    }
    if (!domain::is_photo_visibility(value)) {
      throw invalid_field("visibility", "must be public or members");
    }
    upload.visibility = value;
  }
  return upload;
}

/// The photo id in the path; a 404 when it is no uuid (it names no photo).
const std::string& photo_id_of(const RequestContext& ctx) {
  const auto& id = ctx.path_params.at("photo_id");
  if (!util::is_uuid(id)) throw NotFound("no such photo");
  return id;
}

/// The event uuid in the path; a 404 when it is no uuid.
const std::string& event_uuid_of(const RequestContext& ctx) {
  const auto& uuid = ctx.path_params.at("uuid");
  if (!util::is_uuid(uuid)) throw NotFound("no such event");
  return uuid;
}

Response photo_response(const Request& request, Status status, const domain::MemberPhoto& photo) {
  return json_response(request, status, domain::member_photo_json(photo));
}

/// Runs `write`, the row write for the objects of `stored`. When it throws or keeps no row
/// (returns false), the objects are released (unless another row names them) before anything
/// else happens: objects first, then the row, and no object without one.
asio::awaitable<void> write_row(PhotoObjects& objects, const StoredPhoto& stored,
                                const std::function<asio::awaitable<bool>()>& write) {
  std::exception_ptr failed;
  bool kept = false;
  try {
    kept = co_await write();
  } catch (...) {
    failed = std::current_exception();  // rethrown below, after the release
  }
  if (!kept) co_await objects.release(db::key_list(stored.keys));
  if (failed) std::rethrow_exception(failed);
}

constexpr const char* public_cache = "public, max-age=31536000, immutable";
// Kept by the browser, but asked again each time: a member who logs out stops seeing it.
constexpr const char* private_cache = "private, no-cache";

}  // namespace

asio::awaitable<domain::Member> PhotoHandlers::own_member(const RequestContext& ctx) {
  auto member = co_await members_.find_by_short_uuid(ctx.path_params.at("short_uuid"));
  if (!member) throw NotFound("no such member");
  const auto viewer = domain::member_viewer_of(ctx.viewer, *member);
  if (viewer != domain::MemberViewer::self && viewer != domain::MemberViewer::master) {
    throw Forbidden("you may only change your own photos");
  }
  co_return std::move(*member);
}

asio::awaitable<Response> PhotoHandlers::upload_photo(RequestContext& ctx) {
  const auto member = co_await own_member(ctx);
  auto upload = upload_of(ctx.request, true);
  const auto stored = co_await objects_.store(std::move(upload.data));
  db::AddedPhoto added;
  const std::function<asio::awaitable<bool>()> write = [&]() -> asio::awaitable<bool> {
    const domain::MemberPhoto photo{.member_uuid = member.uuid,
                                    .visibility = upload.visibility,
                                    .width = stored.width,
                                    .height = stored.height,
                                    .keys = stored.keys};
    added = co_await photos_.add(photo, max_photos_per_member);
    co_return added.photo.has_value();
  };
  co_await write_row(objects_, stored, write);
  if (added.member_gone) throw NotFound("no such member");
  if (added.gallery_full) {
    throw Conflict("a member keeps at most " + std::to_string(max_photos_per_member) +
                   " photos: delete one first");
  }
  auto response = photo_response(ctx.request, Status::created, *added.photo);
  response.set(bhttp::field::location,
               "/api/v1/members/" + member.short_uuid + "/photos/" + added.photo->id);
  co_return response;
}

asio::awaitable<std::vector<domain::MemberPhoto>> PhotoHandlers::visible_photos(
    const RequestContext& ctx) {
  auto member = co_await members_.find_by_short_uuid(ctx.path_params.at("short_uuid"));
  if (!member) throw NotFound("no such member");
  // Who sees a member as the public does sees only public photos.
  const bool all =
      domain::member_viewer_of(ctx.viewer, *member) != domain::MemberViewer::public_viewer;
  auto photos = co_await photos_.list(member->uuid);
  std::erase_if(photos, [all](const auto& photo) { return !all && photo.visibility != "public"; });
  co_return photos;
}

asio::awaitable<Response> PhotoHandlers::list_photos(RequestContext& ctx) {
  const auto photos = co_await visible_photos(ctx);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& photo : photos) out.push_back(domain::member_photo_json(photo));
  co_return json_response(ctx.request, Status::ok, out);
}

asio::awaitable<Response> PhotoHandlers::get_photo(RequestContext& ctx) {
  const auto& id = photo_id_of(ctx);
  const auto photos = co_await visible_photos(ctx);
  for (const auto& photo : photos) {
    if (photo.id == id) co_return photo_response(ctx.request, Status::ok, photo);
  }
  throw NotFound("no such photo");
}

asio::awaitable<Response> PhotoHandlers::set_primary(RequestContext& ctx) {
  const auto& id = photo_id_of(ctx);
  const auto member = co_await own_member(ctx);
  auto photo = co_await photos_.set_primary(member.uuid, id);
  if (!photo) throw NotFound("no such photo");
  co_return photo_response(ctx.request, Status::ok, *photo);
}

asio::awaitable<Response> PhotoHandlers::patch_photo(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  reject_unknown_fields(body, {"visibility"});
  const auto visibility = required_string(body, "visibility");
  if (!domain::is_photo_visibility(visibility)) {
    throw invalid_field("visibility", "must be public or members");
  }
  const auto& id = photo_id_of(ctx);
  const auto member = co_await own_member(ctx);
  auto photo = co_await photos_.set_visibility(member.uuid, id, visibility);
  if (!photo) throw NotFound("no such photo");
  public_photos_.clear();  // a photo made members-only is no longer served from memory
  co_return photo_response(ctx.request, Status::ok, *photo);
}

asio::awaitable<Response> PhotoHandlers::delete_photo(RequestContext& ctx) {
  const auto& id = photo_id_of(ctx);
  const auto member = co_await own_member(ctx);
  auto removed = co_await photos_.remove(member.uuid, id);
  if (!removed) throw NotFound("no such photo");
  co_await objects_.release(db::key_list(removed->keys));
  co_return no_content_response(ctx.request);
}

asio::awaitable<Response> PhotoHandlers::put_banner(RequestContext& ctx) {
  const auto& uuid = event_uuid_of(ctx);
  auto upload = upload_of(ctx.request, false);
  const auto stored = co_await objects_.store(std::move(upload.data));
  db::PhotoRepository::BannerChange change;
  const std::function<asio::awaitable<bool>()> write = [&]() -> asio::awaitable<bool> {
    change = co_await photos_.set_banner(uuid, stored.width, stored.height, stored.keys);
    co_return change.found;
  };
  co_await write_row(objects_, stored, write);
  if (!change.found) throw NotFound("no such event");
  if (change.replaced) co_await objects_.release(db::key_list(*change.replaced));
  auto event = co_await events_.find(uuid, domain::visible_visibilities(ctx.viewer));
  if (!event) throw NotFound("no such event");  // deleted just now
  co_return with_etag(json_text_response(ctx.request, Status::ok, domain::event_json(*event)),
                      version_etag(event->version));
}

asio::awaitable<Response> PhotoHandlers::delete_banner(RequestContext& ctx) {
  const auto& uuid = event_uuid_of(ctx);
  const auto change = co_await photos_.remove_banner(uuid);
  if (!change.found) throw NotFound("no such event");
  if (change.replaced) co_await objects_.release(db::key_list(*change.replaced));
  co_return no_content_response(ctx.request);
}

asio::awaitable<PhotoHandlers::Visibility> PhotoHandlers::photo_visibility(const std::string& key) {
  if (auto cached = public_photos_.find(key)) co_return Visibility{true, std::move(cached)};
  const auto is_public = co_await photos_.key_is_public(key);
  if (!is_public || !*is_public) public_photos_.erase(key);
  if (!is_public) throw NotFound("no such photo");
  co_return Visibility{*is_public, *is_public ? public_photos_.refresh(key) : nullptr};
}

asio::awaitable<Response> PhotoHandlers::serve_photo(RequestContext& ctx) {
  const auto& file = ctx.path_params.at("file");
  const auto key = domain::photo_key_of(file);
  if (!key) throw NotFound("no such photo");
  auto visibility = co_await photo_visibility(*key);
  if (!visibility.is_public) {
    // The same 404 as for no photo at all: whether a members-only photo exists is not told.
    const auto viewer = co_await authenticator_.viewer_from_cookie_or_bearer(ctx.request);
    if (!viewer || viewer->role == domain::Role::exprao) throw NotFound("no such photo");
  }
  // Content-addressed: the hash in the name is the hash of the bytes.
  const std::string etag = "\"" + file.substr(0, file.find('.')) + "\"";
  Response response{Status::ok, ctx.request.version()};
  response.keep_alive(ctx.request.keep_alive());
  response.set(bhttp::field::etag, etag);
  response.set(bhttp::field::cache_control, visibility.is_public ? public_cache : private_cache);
  const auto if_none_match = ctx.request[bhttp::field::if_none_match];
  if (!if_none_match.empty() && static_assets::if_none_match_matches(if_none_match, etag)) {
    response.result(Status::not_modified);
    response.prepare_payload();
    co_return response;
  }
  if (!visibility.cached) {
    auto body = co_await objects_.read(*key);
    if (!body) throw NotFound("no such photo");  // a row without its object: the sweep reports it
    if (!visibility.is_public) {
      response.body() = std::move(*body);
    } else {
      visibility.cached = std::make_shared<const std::string>(std::move(*body));
      public_photos_.put(*key, visibility.cached);
    }
  }
  if (visibility.cached) response.body() = *visibility.cached;
  response.set(bhttp::field::content_type, "image/webp");
  response.prepare_payload();
  co_return response;
}

}  // namespace tmeit::http
