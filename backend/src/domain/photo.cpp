#include "domain/photo.hpp"

#include <algorithm>

namespace tmeit::domain {
namespace {

constexpr std::string_view key_prefix = "photos/";
constexpr std::string_view key_suffix = ".webp";
constexpr std::size_t hash_length = 64;

/// photo_size_names in the order the API writes them: smallest first.
constexpr std::array<std::size_t, 3> written_order{2, 1, 0};

}  // namespace

bool is_photo_visibility(std::string_view text) {
  return std::find(photo_visibility_names.begin(), photo_visibility_names.end(), text) !=
         photo_visibility_names.end();
}

std::string photo_url(std::string_view key) {
  return "/" + std::string(key);
}

std::optional<std::string> photo_key_of(std::string_view file_name) {
  if (file_name.size() != hash_length + key_suffix.size() || !file_name.ends_with(key_suffix)) {
    return std::nullopt;
  }
  const auto hash = file_name.substr(0, hash_length);
  const bool hex = std::all_of(hash.begin(), hash.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (!hex) return std::nullopt;
  return std::string(key_prefix) + std::string(file_name);
}

void write_photo_urls(util::JsonWriter& writer, const PhotoKeys& keys) {
  writer.begin_object();
  for (const auto index : written_order) {
    writer.key(photo_size_names[index]);
    writer.string(photo_url(keys[index]));
  }
  writer.end_object();
}

void write_photo_ref(util::JsonWriter& writer, const std::optional<PhotoRef>& photo,
                     bool public_viewer) {
  if (!photo || (public_viewer && !photo->is_public)) {
    writer.null();
    return;
  }
  write_photo_urls(writer, photo->keys);
}

nlohmann::json photo_urls_json(const PhotoKeys& keys) {
  nlohmann::json urls = nlohmann::json::object();
  for (const auto index : written_order) {
    urls[std::string(photo_size_names[index])] = photo_url(keys[index]);
  }
  return urls;
}

nlohmann::json member_photo_json(const MemberPhoto& photo) {
  return {{"id", photo.id},
          {"visibility", photo.visibility},
          {"primary", photo.is_primary},
          {"width", photo.width},
          {"height", photo.height},
          {"created_at", photo.created_at},
          {"urls", photo_urls_json(photo.keys)}};
}

nlohmann::json photo_urls_schema(bool nullable) {
  nlohmann::json properties = nlohmann::json::object();
  nlohmann::json required = nlohmann::json::array();
  for (const auto index : written_order) {
    const std::string name(photo_size_names[index]);
    properties[name] = {
        {"type", "string"},
        {"description", "URL of the WebP at most " + name + " px on the long side"}};
    required.push_back(name);
  }
  nlohmann::json schema{{"type", "object"},
                        {"description", "One URL per stored size (WebP), by the long side in px"},
                        {"required", required},
                        {"properties", properties}};
  if (nullable) schema["nullable"] = true;
  return schema;
}

nlohmann::json member_photo_schema() {
  const nlohmann::json size{{"type", "integer"}, {"minimum", 1}};
  return {
      {"type", "object"},
      {"description", "A photo of a member's gallery."},
      {"required", {"id", "visibility", "primary", "width", "height", "created_at", "urls"}},
      {"properties",
       {{"id", {{"type", "string"}, {"format", "uuid"}}},
        {"visibility",
         {{"type", "string"},
          {"enum", {"public", "members"}},
          {"description", "public: everyone sees it; members: only logged-in members"}}},
        {"primary",
         {{"type", "boolean"}, {"description", "the photo the team page and the profile show"}}},
        {"width", size},
        {"height", size},
        {"created_at", {{"type", "string"}, {"format", "date-time"}}},
        {"urls", photo_urls_schema(false)}}}};
}

}  // namespace tmeit::domain
