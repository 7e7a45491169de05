#pragma once

#include "db/event_repository.hpp"
#include "db/member_repository.hpp"
#include "db/photo_repository.hpp"
#include "http/auth.hpp"
#include "http/photo_objects.hpp"
#include "http/public_photo_cache.hpp"
#include "http/types.hpp"

namespace tmeit::http {

/// Members' photo galleries, events' banners, and serving the photos themselves
/// (docs/photos.md). Uploads are multipart/form-data with one file in the field `file`; each is
/// processed into three WebP sizes and stored (objects first, then the row).
class PhotoHandlers {
 public:
  /// A member keeps at most this many photos.
  static constexpr int max_photos_per_member = 50;

  PhotoHandlers(db::MemberRepository& members, db::EventRepository& events,
                db::PhotoRepository& photos, PhotoObjects& objects, PublicPhotoCache& public_photos,
                const Authenticator& authenticator)
      : members_(members),
        events_(events),
        photos_(photos),
        objects_(objects),
        public_photos_(public_photos),
        authenticator_(authenticator) {}

  /// POST /api/v1/members/{short_uuid}/photos: by the member or a master; 201 and Location.
  asio::awaitable<Response> upload_photo(RequestContext& ctx);
  /// GET /api/v1/members/{short_uuid}/photos: every photo for members, public ones otherwise.
  asio::awaitable<Response> list_photos(RequestContext& ctx);
  /// GET /api/v1/members/{short_uuid}/photos/{photo_id}: as the list shows it.
  asio::awaitable<Response> get_photo(RequestContext& ctx);
  /// PUT .../photos/{photo_id}/primary: the member or a master.
  asio::awaitable<Response> set_primary(RequestContext& ctx);
  /// PATCH .../photos/{photo_id} with {"visibility": "public" | "members"}.
  asio::awaitable<Response> patch_photo(RequestContext& ctx);
  /// DELETE .../photos/{photo_id}: 204; the objects go unless another row names them.
  asio::awaitable<Response> delete_photo(RequestContext& ctx);

  /// PUT /api/v1/events/{uuid}/banner (multipart): marshals and masters; the event after it.
  asio::awaitable<Response> put_banner(RequestContext& ctx);
  /// DELETE /api/v1/events/{uuid}/banner: 204.
  asio::awaitable<Response> delete_banner(RequestContext& ctx);

  /// GET /photos/{file}: a public photo to anyone (cached for a year, immutable; served from
  /// memory once read, PublicPhotoCache), a members-only one to a logged-in member (the
  /// access_token cookie an <img> sends, or a bearer token); a 404 otherwise, the same as for a
  /// photo that does not exist.
  asio::awaitable<Response> serve_photo(RequestContext& ctx);

 private:
  /// The member in the path, when the viewer may change their photos (themselves or a
  /// master): 404 for no such member, 403 for someone else's.
  asio::awaitable<domain::Member> own_member(const RequestContext& ctx);
  /// The photos of the member in the path the viewer may see: all of them for members, the
  /// public ones for the public (and former trainees). 404 for no such member.
  asio::awaitable<std::vector<domain::MemberPhoto>> visible_photos(const RequestContext& ctx);
  /// Whether a photo is public, and its bytes when the cache has them.
  struct Visibility {
    bool is_public = false;
    PublicPhotoCache::Bytes cached;
  };
  /// Whether the photo `key` is public: from the cache while it trusts it, else from the
  /// database (the cached bytes then come along when they are still there). 404 for no row.
  asio::awaitable<Visibility> photo_visibility(const std::string& key);

  db::MemberRepository& members_;
  db::EventRepository& events_;
  db::PhotoRepository& photos_;
  PhotoObjects& objects_;
  PublicPhotoCache& public_photos_;
  const Authenticator& authenticator_;
};

}  // namespace tmeit::http
