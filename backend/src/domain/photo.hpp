#pragma once

#include "util/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::domain {

/// The stored sizes of a photo by their long side in pixels, largest first, as the API names
/// them in `urls` (media::variant_long_sides makes exactly these).
inline constexpr std::array<std::string_view, 3> photo_size_names{"2048", "1024", "256"};

/// The object keys of one photo's sizes, in photo_size_names order. Content-addressed
/// ("photos/<sha256>.webp"): the same key always holds the same bytes.
using PhotoKeys = std::array<std::string, 3>;

/// "public": shown and served to everyone; "members": only to logged-in members.
inline constexpr std::array<std::string_view, 2> photo_visibility_names{"public", "members"};

/// True for "public" and "members".
bool is_photo_visibility(std::string_view text);

/// A photo as a member or event shows it: its keys and whether the public may see it.
struct PhotoRef {
  PhotoKeys keys;
  bool is_public = false;
};

/// One photo of a member's gallery, as stored.
struct MemberPhoto {
  std::string id;
  std::string member_uuid;
  std::string visibility = "members";
  bool is_primary = false;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  PhotoKeys keys;
  std::string created_at;
};

/// The URL path the server serves an object under ("/photos/<sha256>.webp" for its key).
std::string photo_url(std::string_view key);

/// The key a URL path's last segment names ("<sha256>.webp" → "photos/<sha256>.webp"), or
/// std::nullopt when it is no content key (64 lower-case hex digits and ".webp").
std::optional<std::string> photo_key_of(std::string_view file_name);

/// Writes {"256": url, "1024": url, "2048": url}.
void write_photo_urls(util::JsonWriter& writer, const PhotoKeys& keys);
/// Writes `photo`'s URLs when `public_viewer` may see it (a public viewer only a public photo),
/// else null: a members-only photo's URLs never reach the public.
void write_photo_ref(util::JsonWriter& writer, const std::optional<PhotoRef>& photo,
                     bool public_viewer);
/// The URLs as a JSON value.
nlohmann::json photo_urls_json(const PhotoKeys& keys);

/// The JSON of a gallery photo: id, visibility, primary, width, height, created_at and urls.
nlohmann::json member_photo_json(const MemberPhoto& photo);

/// The OpenAPI schema of {"256", "1024", "2048"} URLs; `nullable` for a member's `photo` or an
/// event's `banner`, which is null when there is none (or the viewer may not see it).
nlohmann::json photo_urls_schema(bool nullable);
/// The OpenAPI schema of member_photo_json.
nlohmann::json member_photo_schema();

}  // namespace tmeit::domain
