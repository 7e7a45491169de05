#include "util/mime_types.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace tmeit::util {
namespace {

struct MimeEntry {
  std::string_view extension;
  MimeType type;
};

// One table for every type the frontend build can contain; compressible means text-like, where
// gzip/brotli shrink the file (images, fonts and media are compressed already).
constexpr std::array mime_table{
    MimeEntry{"html", {"text/html; charset=utf-8", true}},
    MimeEntry{"htm", {"text/html; charset=utf-8", true}},
    MimeEntry{"js", {"text/javascript; charset=utf-8", true}},
    MimeEntry{"mjs", {"text/javascript; charset=utf-8", true}},
    MimeEntry{"cjs", {"text/javascript; charset=utf-8", true}},
    MimeEntry{"css", {"text/css; charset=utf-8", true}},
    MimeEntry{"json", {"application/json; charset=utf-8", true}},
    MimeEntry{"map", {"application/json; charset=utf-8", true}},
    MimeEntry{"webmanifest", {"application/manifest+json; charset=utf-8", true}},
    MimeEntry{"txt", {"text/plain; charset=utf-8", true}},
    MimeEntry{"md", {"text/markdown; charset=utf-8", true}},
    MimeEntry{"csv", {"text/csv; charset=utf-8", true}},
    MimeEntry{"xml", {"application/xml; charset=utf-8", true}},
    MimeEntry{"svg", {"image/svg+xml; charset=utf-8", true}},
    MimeEntry{"wasm", {"application/wasm", true}},
    MimeEntry{"ico", {"image/x-icon", true}},
    MimeEntry{"ttf", {"font/ttf", true}},
    MimeEntry{"otf", {"font/otf", true}},
    MimeEntry{"woff", {"font/woff", false}},
    MimeEntry{"woff2", {"font/woff2", false}},
    MimeEntry{"png", {"image/png", false}},
    MimeEntry{"jpg", {"image/jpeg", false}},
    MimeEntry{"jpeg", {"image/jpeg", false}},
    MimeEntry{"gif", {"image/gif", false}},
    MimeEntry{"webp", {"image/webp", false}},
    MimeEntry{"avif", {"image/avif", false}},
    MimeEntry{"pdf", {"application/pdf", false}},
    MimeEntry{"mp4", {"video/mp4", false}},
    MimeEntry{"webm", {"video/webm", false}},
    MimeEntry{"mp3", {"audio/mpeg", false}},
    MimeEntry{"ogg", {"audio/ogg", false}},
    MimeEntry{"zip", {"application/zip", false}},
};

constexpr MimeType unknown_type{"application/octet-stream", false};

}  // namespace

MimeType mime_type_for(std::string_view file_name) {
  const auto slash = file_name.find_last_of('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const auto dot = file_name.find_last_of('.');
  // A leading dot names a hidden file (".htaccess"), not an extension.
  if (dot == std::string_view::npos || dot == 0) return unknown_type;
  const std::string extension = to_lower(file_name.substr(dot + 1));
  const auto* entry =
      std::ranges::find(mime_table, std::string_view{extension}, &MimeEntry::extension);
  return entry == mime_table.end() ? unknown_type : entry->type;
}

}  // namespace tmeit::util
