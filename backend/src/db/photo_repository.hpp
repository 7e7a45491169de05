#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/photo.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::db {

/// SQL of the member's primary photo as one text column, "<visibility> <key_2048> <key_1024>
/// <key_256>" (NULL: none), for the member selects (member_columns). The keys hold no space:
/// the table's check allows only "photos/<hex>.webp".
inline constexpr std::string_view primary_photo_column =
    "(SELECT p.visibility || ' ' || p.key_2048 || ' ' || p.key_1024 || ' ' || p.key_256"
    " FROM member_photos AS p WHERE p.member_uuid = members.uuid AND p.is_primary)";

/// The same for an event's banner, "<key_2048> <key_1024> <key_256>" (NULL: none), for the
/// event selects.
#define TMEIT_EVENT_BANNER_COLUMN                               \
  "(SELECT b.key_2048 || ' ' || b.key_1024 || ' ' || b.key_256" \
  " FROM event_banners AS b WHERE b.event_uuid = events.uuid)"

/// Reads primary_photo_column.
std::optional<domain::PhotoRef> primary_photo_from_text(std::optional<std::string_view> text);
/// Reads TMEIT_EVENT_BANNER_COLUMN.
std::optional<domain::PhotoKeys> photo_keys_from_text(std::optional<std::string_view> text);

/// What adding a photo came to.
struct AddedPhoto {
  std::optional<domain::MemberPhoto> photo;  ///< set when it was added
  bool member_gone = false;                  ///< the member was erased meanwhile
  bool gallery_full = false;                 ///< the member already has max_photos
};

/// Members' galleries (member_photos) and events' banners (event_banners): the rows that name
/// photo objects. Every write to a member's photos first locks the member's row, so writes to
/// one gallery run one after another (the one-primary index is never raced into a 500).
/// Uuids must be valid uuid text (util::is_uuid first).
class PhotoRepository {
 public:
  explicit PhotoRepository(Pool& pool) : pool_(pool) {}

  /// The member's photos, oldest first.
  boost::asio::awaitable<std::vector<domain::MemberPhoto>> list(const std::string& member_uuid);

  /// Adds a photo whose objects are stored; the member's first becomes their primary one.
  boost::asio::awaitable<AddedPhoto> add(const domain::MemberPhoto& photo, int max_photos);

  /// Makes the photo the member's primary one (and no other); std::nullopt when the member
  /// has no such photo. Writes that change the primary photo count the member's version up
  /// (their ETag), as the member's JSON shows it.
  boost::asio::awaitable<std::optional<domain::MemberPhoto>> set_primary(
      const std::string& member_uuid, const std::string& photo_id);

  /// Sets the visibility ("public" or "members"); std::nullopt when there is no such photo.
  boost::asio::awaitable<std::optional<domain::MemberPhoto>> set_visibility(
      const std::string& member_uuid, const std::string& photo_id, const std::string& visibility);

  /// Deletes the row and returns it (for its keys); std::nullopt when there was none.
  boost::asio::awaitable<std::optional<domain::MemberPhoto>> remove(const std::string& member_uuid,
                                                                    const std::string& photo_id);

  /// The keys of every photo of the member `short_uuid`, read in `transaction` before the
  /// member is erased (the rows go with the member; the objects are deleted after the commit).
  static boost::asio::awaitable<std::vector<std::string>> member_keys(
      Transaction& transaction, const std::string& short_uuid);

  /// Sets the event's banner (replacing one it had) and counts the event's version up; the
  /// replaced banner's keys, when there was one. std::nullopt in `found` when there is no
  /// such event.
  struct BannerChange {
    bool found = false;
    std::optional<domain::PhotoKeys> replaced;
  };
  boost::asio::awaitable<BannerChange> set_banner(const std::string& event_uuid,
                                                  std::uint32_t width, std::uint32_t height,
                                                  const domain::PhotoKeys& keys);
  /// Deletes the event's banner (counting the event's version up); its keys, when it had one.
  boost::asio::awaitable<BannerChange> remove_banner(const std::string& event_uuid);

  /// Who may fetch the object `key`: std::nullopt when no row names it, true when a public
  /// photo or a public event's banner does, false when only members-only ones do.
  boost::asio::awaitable<std::optional<bool>> key_is_public(const std::string& key);

  /// Those of `keys` that some row names (a member's photo or an event's banner).
  boost::asio::awaitable<std::set<std::string>> named_keys(const std::vector<std::string>& keys);

  /// Every key any row names (for `tmeit storage sweep`).
  boost::asio::awaitable<std::set<std::string>> all_keys();

 private:
  /// Runs `statement` (member uuid, photo id, ...; returning one photo) under the member's
  /// lock, counting the member's version up when the photo is their primary one.
  boost::asio::awaitable<std::optional<domain::MemberPhoto>> change_one(const Statement& statement,
                                                                        const Params& params);
  /// Under the event's lock: upserts the banner (`upsert`: its parameters) or, without, deletes
  /// it; counts the event's version up when anything changed.
  boost::asio::awaitable<BannerChange> change_banner(const std::string& event_uuid,
                                                     std::optional<Params> upsert);

  Pool& pool_;
};

/// The keys of `keys` as a list.
std::vector<std::string> key_list(const domain::PhotoKeys& keys);

}  // namespace tmeit::db
