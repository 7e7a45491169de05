#include "http/static/asset_index.hpp"

#include "util/sha256.hpp"

#include <cctype>
#include <span>
#include <stdexcept>
#include <system_error>

namespace tmeit::http::static_assets {
namespace fs = std::filesystem;
namespace {

// 96 bits of SHA-256: collisions are out of reach and the header stays short.
constexpr std::size_t etag_bytes = 12;

using FoundFiles = std::map<std::string, fs::path, std::less<>>;

bool is_inside(const fs::path& root, const fs::path& target) {
  const fs::path relative = target.lexically_relative(root);
  return !relative.empty() && relative != "." && *relative.begin() != "..";
}

/// The file an entry stands for, or nullopt when it is not one we may serve.
std::optional<fs::path> servable_file(const fs::directory_entry& entry, const fs::path& root) {
  std::error_code error;
  if (entry.is_symlink(error)) {
    // Resolve fully, so a chain of links cannot lead out of root either.
    const fs::path target = fs::canonical(entry.path(), error);
    if (error || !is_inside(root, target) || !fs::is_regular_file(target, error)) {
      return std::nullopt;
    }
    return target;
  }
  if (entry.is_regular_file(error)) return entry.path();
  return std::nullopt;
}

FoundFiles find_files(const fs::path& root) {
  FoundFiles found;
  std::error_code error;
  // directory_options::none: symlinked directories are listed but never entered.
  fs::recursive_directory_iterator it{root, fs::directory_options::none, error};
  for (; !error && it != fs::recursive_directory_iterator{}; it.increment(error)) {
    if (auto file = servable_file(*it, root)) {
      found.emplace("/" + it->path().lexically_relative(root).generic_string(), *std::move(file));
    }
  }
  if (error) {
    throw std::runtime_error("static files: cannot list " + root.string() + ": " + error.message());
  }
  return found;
}

Representation represent(const fs::path& file) {
  std::error_code error;
  const std::uint64_t size = fs::file_size(file, error);
  if (error) {
    throw std::runtime_error("static files: cannot stat " + file.string() + ": " + error.message());
  }
  const util::Sha256Digest digest = util::sha256_of_file(file);
  std::string etag = "\"" + util::to_hex(std::span{digest}.first(etag_bytes)) + "\"";
  return {file, size, std::move(etag)};
}

std::optional<Representation> variant(const FoundFiles& files, const std::string& url) {
  const auto it = files.find(url);
  if (it == files.end()) return std::nullopt;
  return represent(it->second);
}

/// Whether a URL is a precompressed sibling (foo.js.gz) of another file in the index.
bool is_variant_of_another(std::string_view url, const FoundFiles& files) {
  for (std::string_view suffix : {".gz", ".br"}) {
    if (url.ends_with(suffix) && files.contains(url.substr(0, url.size() - suffix.size()))) {
      return true;
    }
  }
  return false;
}

bool is_hash_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

}  // namespace

AssetIndex index_assets(const fs::path& root) {
  std::error_code error;
  const fs::path canonical_root = fs::canonical(root, error);
  if (error) {
    throw std::runtime_error("static files: cannot open " + root.string() + ": " + error.message());
  }
  const FoundFiles files = find_files(canonical_root);
  AssetIndex index;
  for (const auto& [url, file] : files) {
    if (is_variant_of_another(url, files)) continue;
    Asset asset{
        .identity = represent(file),
        .gzip = variant(files, url + ".gz"),
        .br = variant(files, url + ".br"),
        .mime = util::mime_type_for(url),
        .immutable = is_hashed_asset_path(url),
    };
    index.emplace(url, std::move(asset));
  }
  return index;
}

bool is_hashed_asset_path(std::string_view url_path) {
  if (!url_path.starts_with("/assets/")) return false;
  const std::string_view name = url_path.substr(url_path.find_last_of('/') + 1);
  // The hash may itself hold '-', so try every dash that follows a non-empty name.
  for (auto dash = name.find('-', 1); dash != std::string_view::npos;
       dash = name.find('-', dash + 1)) {
    auto end = dash + 1;
    while (end < name.size() && is_hash_char(name[end])) ++end;
    const bool has_extension = end + 1 < name.size() && name[end] == '.';
    if (end - dash - 1 >= 8 && has_extension) return true;
  }
  return false;
}

}  // namespace tmeit::http::static_assets
