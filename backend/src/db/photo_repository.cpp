#include "db/photo_repository.hpp"

#include "db/api_time.hpp"
#include "db/event_repository.hpp"

#include <sstream>
#include <stdexcept>

namespace tmeit::db {
namespace {

#define TMEIT_PHOTO_COLUMNS                                                      \
  "id, member_uuid, visibility, is_primary, width, height, key_2048, key_1024, " \
  "key_256, " TMEIT_API_TIME("created_at")

// Every write to a gallery starts here: writes to one member's photos run one after another.
// NO KEY UPDATE, not UPDATE: inserting a photo takes KEY SHARE on the member for its foreign
// key, which UPDATE would block.
constexpr Statement lock_member{"photos_lock_member",
                                "SELECT 1 FROM members WHERE uuid = $1::uuid FOR NO KEY UPDATE"};

// The primary photo is part of the member's JSON: their ETag (the version the trigger counts)
// must change with it. The audit trigger logs nothing for it (no audited field changes).
constexpr Statement touch_member{"photos_touch_member",
                                 "UPDATE members SET updated_at = now() WHERE uuid = $1::uuid"};

constexpr Statement select_gallery{
    "photos_list", "SELECT " TMEIT_PHOTO_COLUMNS
                   " FROM member_photos WHERE member_uuid = $1::uuid ORDER BY created_at, id"};

// Run after lock_member, so the count and the primary check see every committed photo. No row
// when the gallery is full.
constexpr Statement insert_photo{
    "photos_insert",
    "INSERT INTO member_photos (member_uuid, visibility, is_primary, width, height, key_2048,"
    " key_1024, key_256)"
    " SELECT $1::uuid, $2, NOT EXISTS (SELECT 1 FROM member_photos"
    "   WHERE member_uuid = $1::uuid AND is_primary), $3::bigint, $4::bigint, $5, $6, $7"
    " WHERE (SELECT count(*) FROM member_photos WHERE member_uuid = $1::uuid) < $8::bigint"
    " RETURNING " TMEIT_PHOTO_COLUMNS};

constexpr Statement clear_primary{
    "photos_clear_primary",
    "UPDATE member_photos SET is_primary = false"
    " WHERE member_uuid = $1::uuid AND is_primary AND id <> $2::uuid"};

constexpr Statement make_primary{
    "photos_make_primary",
    "UPDATE member_photos SET is_primary = true WHERE member_uuid = $1::uuid AND id = $2::uuid"
    " RETURNING " TMEIT_PHOTO_COLUMNS};

constexpr Statement update_visibility{
    "photos_set_visibility",
    "UPDATE member_photos SET visibility = $3 WHERE member_uuid = $1::uuid AND id = $2::uuid"
    " RETURNING " TMEIT_PHOTO_COLUMNS};

constexpr Statement delete_photo{
    "photos_delete",
    "DELETE FROM member_photos WHERE member_uuid = $1::uuid AND id = $2::uuid"
    " RETURNING " TMEIT_PHOTO_COLUMNS};

constexpr Statement select_member_keys{
    "photos_member_keys",
    "SELECT key_2048, key_1024, key_256 FROM member_photos"
    " WHERE member_uuid = (SELECT uuid FROM members WHERE short_uuid = $1)"};

constexpr Statement lock_event{"banners_lock_event",
                               "SELECT 1 FROM events WHERE uuid = $1::uuid FOR NO KEY UPDATE"};

constexpr Statement select_banner{
    "banners_select",
    "SELECT key_2048, key_1024, key_256 FROM event_banners WHERE event_uuid = $1::uuid"};

constexpr Statement upsert_banner{
    "banners_upsert",
    "INSERT INTO event_banners (event_uuid, width, height, key_2048, key_1024, key_256)"
    " VALUES ($1::uuid, $2::bigint, $3::bigint, $4, $5, $6) ON CONFLICT (event_uuid) DO UPDATE"
    " SET width = EXCLUDED.width, height = EXCLUDED.height, key_2048 = EXCLUDED.key_2048,"
    " key_1024 = EXCLUDED.key_1024, key_256 = EXCLUDED.key_256, created_at = now()"};

constexpr Statement delete_banner{"banners_delete",
                                  "DELETE FROM event_banners WHERE event_uuid = $1::uuid"};

// The banner is part of the event: its ETag (the version the trigger counts) must change.
constexpr Statement touch_event{"banners_touch_event",
                                "UPDATE events SET updated_at = now() WHERE uuid = $1::uuid"};

// NULL when no row names the key.
constexpr Statement select_key_access{
    "photos_key_access",
    "SELECT bool_or(public) FROM ("
    "  SELECT visibility = 'public' AS public FROM member_photos"
    "    WHERE key_2048 = $1 OR key_1024 = $1 OR key_256 = $1"
    "  UNION ALL SELECT e.visibility = 'public' FROM event_banners AS b"
    "    JOIN events AS e ON e.uuid = b.event_uuid"
    "    WHERE b.key_2048 = $1 OR b.key_1024 = $1 OR b.key_256 = $1) AS named"};

constexpr Statement select_named_keys{
    "photos_named_keys",
    "SELECT k FROM unnest($1::text[]) AS k WHERE"
    " EXISTS (SELECT 1 FROM member_photos WHERE key_2048 = k OR key_1024 = k OR key_256 = k)"
    " OR EXISTS (SELECT 1 FROM event_banners WHERE key_2048 = k OR key_1024 = k OR key_256 = k)"};

constexpr Statement select_all_keys{
    "photos_all_keys",
    "SELECT unnest(ARRAY[key_2048, key_1024, key_256]) FROM member_photos"
    " UNION SELECT unnest(ARRAY[key_2048, key_1024, key_256]) FROM event_banners"};

#undef TMEIT_PHOTO_COLUMNS

domain::MemberPhoto photo_from_row(const Result& result, int row) {
  domain::MemberPhoto photo;
  int col = 0;
  photo.id = result.text(row, col++);
  photo.member_uuid = result.text(row, col++);
  photo.visibility = result.text(row, col++);
  photo.is_primary = result.boolean(row, col++);
  photo.width = static_cast<std::uint32_t>(result.integer(row, col++));
  photo.height = static_cast<std::uint32_t>(result.integer(row, col++));
  for (auto& key : photo.keys) key = result.text(row, col++);
  photo.created_at = result.text(row, col);
  return photo;
}

std::optional<domain::MemberPhoto> first_photo(const Result& result) {
  if (result.rows() == 0) return std::nullopt;
  return photo_from_row(result, 0);
}

domain::PhotoKeys keys_from_row(const Result& result, int row) {
  domain::PhotoKeys keys;
  for (int col = 0; col < 3; ++col) keys[static_cast<std::size_t>(col)] = result.text(row, col);
  return keys;
}

/// Space-separated words of `text`.
std::vector<std::string> words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

}  // namespace

std::vector<std::string> key_list(const domain::PhotoKeys& keys) {
  return {keys.begin(), keys.end()};
}

std::optional<domain::PhotoRef> primary_photo_from_text(std::optional<std::string_view> text) {
  if (!text) return std::nullopt;
  const auto parts = words(*text);
  if (parts.size() != 4) {
    throw std::runtime_error("member_photos: a primary photo row is malformed");
  }
  return domain::PhotoRef{{parts[1], parts[2], parts[3]}, parts[0] == "public"};
}

std::optional<domain::PhotoKeys> photo_keys_from_text(std::optional<std::string_view> text) {
  if (!text) return std::nullopt;
  const auto parts = words(*text);
  if (parts.size() != 3) throw std::runtime_error("event_banners: a banner row is malformed");
  return domain::PhotoKeys{parts[0], parts[1], parts[2]};
}

boost::asio::awaitable<std::vector<domain::MemberPhoto>> PhotoRepository::list(
    const std::string& member_uuid) {
  const Params params{member_uuid};
  auto result = co_await pool_.execute(select_gallery, params);
  std::vector<domain::MemberPhoto> photos;
  for (int row = 0; row < result.rows(); ++row) photos.push_back(photo_from_row(result, row));
  co_return photos;
}

boost::asio::awaitable<AddedPhoto> PhotoRepository::add(const domain::MemberPhoto& photo,
                                                        int max_photos) {
  auto transaction = co_await Transaction::begin(pool_);
  const Params member{photo.member_uuid};
  auto locked = co_await transaction.execute(lock_member, member);
  AddedPhoto added;
  if (locked.rows() == 0) {
    co_await transaction.rollback();
    added.member_gone = true;
    co_return added;
  }
  const Params params{photo.member_uuid,
                      photo.visibility,
                      std::to_string(photo.width),
                      std::to_string(photo.height),
                      photo.keys[0],
                      photo.keys[1],
                      photo.keys[2],
                      std::to_string(max_photos)};
  auto result = co_await transaction.execute(insert_photo, params);
  added.photo = first_photo(result);
  if (added.photo && added.photo->is_primary) co_await transaction.execute(touch_member, member);
  co_await transaction.commit();
  added.gallery_full = !added.photo;
  co_return added;
}

boost::asio::awaitable<std::optional<domain::MemberPhoto>> PhotoRepository::set_primary(
    const std::string& member_uuid, const std::string& photo_id) {
  auto transaction = co_await Transaction::begin(pool_);
  const Params member{member_uuid};
  co_await transaction.execute(lock_member, member);
  const Params params{member_uuid, photo_id};
  // Cleared first: the one-primary index is checked per statement.
  co_await transaction.execute(clear_primary, params);
  auto result = co_await transaction.execute(make_primary, params);
  auto photo = first_photo(result);
  if (!photo) {
    co_await transaction.rollback();  // no such photo: the old primary stays
    co_return std::nullopt;
  }
  co_await transaction.execute(touch_member, member);
  co_await transaction.commit();
  co_return photo;
}

boost::asio::awaitable<std::optional<domain::MemberPhoto>> PhotoRepository::set_visibility(
    const std::string& member_uuid, const std::string& photo_id, const std::string& visibility) {
  const Params params{member_uuid, photo_id, visibility};
  co_return co_await change_one(update_visibility, params);
}

boost::asio::awaitable<std::optional<domain::MemberPhoto>> PhotoRepository::remove(
    const std::string& member_uuid, const std::string& photo_id) {
  const Params params{member_uuid, photo_id};
  co_return co_await change_one(delete_photo, params);
}

boost::asio::awaitable<std::optional<domain::MemberPhoto>> PhotoRepository::change_one(
    const Statement& statement, const Params& params) {
  auto transaction = co_await Transaction::begin(pool_);
  const Params member{params.front()};
  co_await transaction.execute(lock_member, member);
  auto result = co_await transaction.execute(statement, params);
  auto photo = first_photo(result);
  if (photo && photo->is_primary) co_await transaction.execute(touch_member, member);
  co_await transaction.commit();
  co_return photo;
}

boost::asio::awaitable<std::vector<std::string>> PhotoRepository::member_keys(
    Transaction& transaction, const std::string& short_uuid) {
  const Params params{short_uuid};
  auto result = co_await transaction.execute(select_member_keys, params);
  std::vector<std::string> keys;
  for (int row = 0; row < result.rows(); ++row) {
    for (auto& key : keys_from_row(result, row)) keys.push_back(std::move(key));
  }
  co_return keys;
}

boost::asio::awaitable<PhotoRepository::BannerChange> PhotoRepository::set_banner(
    const std::string& event_uuid, std::uint32_t width, std::uint32_t height,
    const domain::PhotoKeys& keys) {
  Params upsert{event_uuid, std::to_string(width), std::to_string(height), keys[0], keys[1],
                keys[2]};
  co_return co_await change_banner(event_uuid, std::move(upsert));
}

boost::asio::awaitable<PhotoRepository::BannerChange> PhotoRepository::remove_banner(
    const std::string& event_uuid) {
  co_return co_await change_banner(event_uuid, std::nullopt);
}

boost::asio::awaitable<PhotoRepository::BannerChange> PhotoRepository::change_banner(
    const std::string& event_uuid, std::optional<Params> upsert) {
  auto transaction = co_await Transaction::begin(pool_);
  const Params event{event_uuid};
  BannerChange change;
  auto locked = co_await transaction.execute(lock_event, event);
  if (locked.rows() == 0) {
    co_await transaction.rollback();
    co_return change;
  }
  change.found = true;
  auto old = co_await transaction.execute(select_banner, event);
  if (old.rows() > 0) change.replaced = keys_from_row(old, 0);
  if (upsert || change.replaced) {
    co_await transaction.execute(upsert ? upsert_banner : delete_banner, upsert ? *upsert : event);
    co_await transaction.execute(touch_event, event);
  }
  co_await transaction.commit();
  co_return change;
}

boost::asio::awaitable<std::optional<bool>> PhotoRepository::key_is_public(const std::string& key) {
  const Params params{key};
  auto result = co_await pool_.execute(select_key_access, params);
  if (result.rows() == 0 || result.is_null(0, 0)) co_return std::nullopt;
  co_return result.boolean(0, 0);
}

boost::asio::awaitable<std::set<std::string>> PhotoRepository::named_keys(
    const std::vector<std::string>& keys) {
  std::set<std::string> named;
  if (keys.empty()) co_return named;
  const Params params{text_array(keys)};
  auto result = co_await pool_.execute(select_named_keys, params);
  for (int row = 0; row < result.rows(); ++row) named.emplace(result.text(row, 0));
  co_return named;
}

boost::asio::awaitable<std::set<std::string>> PhotoRepository::all_keys() {
  auto result = co_await pool_.execute(select_all_keys);
  std::set<std::string> keys;
  for (int row = 0; row < result.rows(); ++row) keys.emplace(result.text(row, 0));
  co_return keys;
}

}  // namespace tmeit::db
