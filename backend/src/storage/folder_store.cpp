#include "storage/folder_store.hpp"

#include "storage/keys.hpp"
#include "util/base64url.hpp"
#include "util/random.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <limits>
#include <nlohmann/json.hpp>

namespace tmeit::storage {
namespace fs = std::filesystem;

namespace {

/// A file time as S3 lists one: RFC 3339 in UTC ("2026-11-28T20:33:00Z").
std::string utc_text(std::time_t time) {
  std::tm parts{};
  char text[32];
  if (::gmtime_r(&time, &parts) == nullptr ||
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts) == 0) {
    return {};
  }
  return text;
}

constexpr const char* temp_dir = ".tmeit-tmp";
constexpr const char* meta_dir = ".tmeit-meta";

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
  throw StorageError("folder store: " + what + " " + path.string() + ": " + std::strerror(error), 0,
                     false);
}

/// An open file descriptor, closed on destruction.
class Fd {
 public:
  Fd(const fs::path& path, int flags, mode_t mode = 0) : fd_(::open(path.c_str(), flags, mode)) {
    if (fd_ < 0) fail("cannot open", path, errno);
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  /// Adopts `fd` from open(2); throws naming `path` when it is negative.
  Fd(int fd, const fs::path& path) : fd_(fd) {
    if (fd_ < 0) fail("cannot open", path, errno);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

void write_all(int fd, std::string_view data, const fs::path& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot write", path, errno);
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// Reads a small file whole; false when it does not exist.
bool get_file(const fs::path& path, std::string& out) {
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (raw < 0 && errno == ENOENT) return false;
  const Fd fd(raw, path);
  char chunk[4096];
  while (true) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot read", path, errno);
    if (n == 0) return true;
    out.append(chunk, static_cast<std::size_t>(n));
  }
}

void sync_file(const fs::path& path) {
  const Fd fd(path, O_RDONLY | O_CLOEXEC);
  if (::fsync(fd.get()) != 0) fail("cannot sync", path, errno);
}

/// Writes `data` to a fresh temporary file under `dir` and flushes it to disk.
fs::path write_temp(const fs::path& dir, std::string_view data) {
  fs::path temp = dir / util::base64url_encode(util::random_bytes(12));
  const Fd fd(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0640);
  write_all(fd.get(), data, temp);
  if (::fsync(fd.get()) != 0) fail("cannot sync", temp, errno);
  return temp;
}

void rename_into_place(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::create_directories(to.parent_path(), error);
  if (error) fail("cannot create", to.parent_path(), error.value());
  if (::rename(from.c_str(), to.c_str()) != 0) fail("cannot rename into", to, errno);
  // The rename itself is durable only once the folder is.
  sync_file(to.parent_path());
}

}  // namespace

/// A multipart upload into one temporary file; renamed into place on complete().
class FolderMultipart : public MultipartUpload {
 public:
  FolderMultipart(FolderStore& store, std::string key, PutOptions options)
      : store_(store),
        key_(std::move(key)),
        options_(std::move(options)),
        temp_(write_temp(store_.root_ / temp_dir, {})),
        fd_(temp_, O_WRONLY | O_APPEND | O_CLOEXEC) {}
  ~FolderMultipart() override { abort(); }

  void upload_part(std::string_view data) override { write_all(fd_.get(), data, temp_); }

  void complete() override {
    if (::fsync(fd_.get()) != 0) fail("cannot sync", temp_, errno);
    store_.publish(temp_, key_, options_);
    done_ = true;
  }

  void abort() noexcept override {
    if (done_) return;
    done_ = true;
    std::error_code ignored;
    fs::remove(temp_, ignored);
  }

 private:
  FolderStore& store_;
  std::string key_;
  PutOptions options_;
  fs::path temp_;
  Fd fd_;
  bool done_ = false;
};

FolderStore::FolderStore(fs::path root) : root_(std::move(root)) {
  std::error_code error;
  fs::create_directories(root_ / temp_dir, error);
  if (error) fail("cannot create", root_ / temp_dir, error.value());
  fs::create_directories(root_ / meta_dir, error);
  if (error) fail("cannot create", root_ / meta_dir, error.value());
  root_ = fs::canonical(root_);
}

fs::path FolderStore::object_path(const std::string& key) const {
  check_key(key);
  return root_ / key;
}

fs::path FolderStore::meta_path(const std::string& key) const {
  check_key(key);
  return root_ / meta_dir / key;
}

void FolderStore::publish(const fs::path& temp, const std::string& key, const PutOptions& options) {
  const fs::path target = object_path(key);
  std::error_code ignored;
  if (options.metadata.empty()) {
    fs::remove(meta_path(key), ignored);
  } else {
    const nlohmann::json meta(options.metadata);
    rename_into_place(write_temp(root_ / temp_dir, meta.dump()), meta_path(key));
  }
  rename_into_place(temp, target);
}

void FolderStore::put(const std::string& key, std::string_view body, const PutOptions& options) {
  check_key(key);
  const fs::path temp = write_temp(root_ / temp_dir, body);
  try {
    publish(temp, key, options);
  } catch (const StorageError&) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
}

bool FolderStore::get(const std::string& key, const ChunkSink& sink) {
  const fs::path path = object_path(key);
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (raw < 0 && (errno == ENOENT || errno == ENOTDIR)) return false;
  const Fd fd(raw, path);
  std::string buffer(std::size_t{256} * 1024, '\0');
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot read", path, errno);
    if (n == 0) return true;
    sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
}

std::optional<ObjectHead> FolderStore::head(const std::string& key) {
  const fs::path path = object_path(key);
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  ObjectHead head;
  head.size = static_cast<std::uint64_t>(info.st_size);
  head.etag = std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec);
  std::string meta;
  if (get_file(meta_path(key), meta)) {
    head.metadata = nlohmann::json::parse(meta).get<std::map<std::string, std::string>>();
  }
  return head;
}

void FolderStore::remove(const std::string& key) {
  const fs::path path = object_path(key);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT && errno != ENOTDIR) {
    fail("cannot delete", path, errno);
  }
  std::error_code ignored;
  fs::remove(meta_path(key), ignored);
  // Empty folders left behind are removed up to the root, like S3 never shows them.
  for (fs::path dir = path.parent_path();
       dir != root_ && dir.string().size() > root_.string().size(); dir = dir.parent_path()) {
    if (::rmdir(dir.c_str()) != 0) break;
  }
}

std::vector<std::string> FolderStore::keys_under(const std::string& prefix) const {
  if (!valid_prefix(prefix)) throw StorageError("invalid prefix '" + prefix + "'", 400, false);
  // Walk only the deepest folder the prefix names; the rest of the tree cannot match.
  const auto slash = prefix.rfind('/');
  const fs::path start = slash == std::string::npos ? root_ : root_ / prefix.substr(0, slash);
  std::vector<std::string> keys;
  std::error_code error;
  if (!fs::is_directory(start, error)) return keys;
  const std::size_t root_length = root_.string().size() + 1;
  for (auto it = fs::recursive_directory_iterator(start, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".tmeit")) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    std::string key = it->path().string().substr(root_length);
    if (key.starts_with(prefix)) keys.push_back(std::move(key));
  }
  if (error) fail("cannot list", start, error.value());
  std::sort(keys.begin(), keys.end());
  return keys;
}

ListPage FolderStore::list(const std::string& prefix, const std::string& continuation,
                           std::size_t max_keys) {
  const std::vector<std::string> keys = keys_under(prefix);
  // The continuation token is the last key of the previous page.
  auto it = continuation.empty() ? keys.begin()
                                 : std::upper_bound(keys.begin(), keys.end(), continuation);
  ListPage page;
  for (; it != keys.end() && page.objects.size() < max_keys; ++it) {
    struct stat info {};
    if (::lstat((root_ / *it).c_str(), &info) != 0) continue;  // deleted meanwhile
    page.objects.push_back(
        {*it, static_cast<std::uint64_t>(info.st_size), utc_text(info.st_mtime)});
  }
  if (it != keys.end() && !page.objects.empty()) page.next = page.objects.back().key;
  return page;
}

std::vector<ObjectInfo> FolderStore::list_all(const std::string& prefix) {
  return list(prefix, {}, std::numeric_limits<std::size_t>::max()).objects;
}

std::unique_ptr<MultipartUpload> FolderStore::start_multipart(const std::string& key,
                                                              const PutOptions& options) {
  check_key(key);
  return std::make_unique<FolderMultipart>(*this, key, options);
}

std::string FolderStore::describe() const {
  return "folder " + root_.string();
}

}  // namespace tmeit::storage
