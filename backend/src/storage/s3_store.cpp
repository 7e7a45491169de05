#include "storage/s3_store.hpp"

#include "domain/mail_templates.hpp"  // html_escape: XML escapes alike
#include "storage/keys.hpp"
#include "storage/s3_text.hpp"
#include "util/sha256.hpp"

#include <charconv>

namespace tmeit::storage {
namespace {

std::uint64_t parse_size(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    throw StorageError("object storage: bad size '" + std::string(text) + "'", 0, false);
  }
  return value;
}

std::string header_or_empty(const S3Answer& answer, const std::string& name) {
  const auto found = answer.headers.find(name);
  return found == answer.headers.end() ? std::string() : found->second;
}

/// A multipart upload on S3: initiated at construction, aborted unless completed.
class S3Multipart : public MultipartUpload {
 public:
  S3Multipart(S3Client& client, std::string key, const PutOptions& options)
      : client_(client), key_(std::move(key)) {
    S3Call call{"initiate multipart", "POST", key_, s3_text::canonical_query({{"uploads", ""}}),
                put_headers(options)};
    const S3Answer answer = client_.perform(call);
    upload_id_ = s3_text::xml_value(answer.body, "UploadId");
    if (upload_id_.empty()) {
      throw StorageError("object storage initiate multipart " + key_ + ": no UploadId", 0, false);
    }
  }

  ~S3Multipart() override { abort(); }

  void upload_part(std::string_view data) override {
    const int number = static_cast<int>(etags_.size()) + 1;
    S3Call call{"upload part",
                "PUT",
                key_,
                s3_text::canonical_query(
                    {{"partNumber", std::to_string(number)}, {"uploadId", upload_id_}}),
                {"Content-MD5: " + util::md5_base64(data)},
                data};
    const S3Answer answer = client_.perform(call);
    const std::string etag = header_or_empty(answer, "etag");
    if (etag.empty()) {
      throw StorageError("object storage upload part " + key_ + ": no ETag", 0, false);
    }
    etags_.push_back(etag);
  }

  void complete() override {
    std::string xml = "<CompleteMultipartUpload>";
    for (std::size_t i = 0; i < etags_.size(); ++i) {
      xml += "<Part><PartNumber>" + std::to_string(i + 1) + "</PartNumber><ETag>" +
             domain::html_escape(etags_[i]) + "</ETag></Part>";
    }
    xml += "</CompleteMultipartUpload>";
    S3Call call{"complete multipart",
                "POST",
                key_,
                s3_text::canonical_query({{"uploadId", upload_id_}}),
                {"Content-Type: application/xml"},
                xml};
    client_.perform(call);
    completed_ = true;
  }

  void abort() noexcept override {
    if (completed_ || aborted_) return;
    aborted_ = true;
    try {
      S3Call call{"abort multipart", "DELETE", key_,
                  s3_text::canonical_query({{"uploadId", upload_id_}})};
      client_.perform(call, {200, 204, 404});
    } catch (const std::exception&) {
      // Best effort on an error path: a bucket lifecycle rule removes stale uploads anyway
      // (docs/backups.md), and an uncompleted upload is never an object.
    }
  }

 private:
  S3Client& client_;
  std::string key_;
  std::string upload_id_;
  std::vector<std::string> etags_;
  bool completed_ = false;
  bool aborted_ = false;
};

}  // namespace

std::vector<std::string> put_headers(const PutOptions& options) {
  std::vector<std::string> headers{"Content-Type: " + options.content_type};
  for (const auto& [name, value] : options.metadata) {
    headers.push_back("x-amz-meta-" + name + ": " + value);
  }
  if (options.lock) {
    headers.emplace_back("x-amz-object-lock-mode: COMPLIANCE");
    headers.push_back("x-amz-object-lock-retain-until-date: " +
                      s3_text::iso8601(options.lock->retain_until));
  }
  return headers;
}

S3Store::S3Store(S3Settings settings) : client_(std::move(settings)) {}

void S3Store::put(const std::string& key, std::string_view body, const PutOptions& options) {
  check_key(key);
  auto headers = put_headers(options);
  // Object Lock buckets refuse uploads without an integrity header.
  headers.push_back("Content-MD5: " + util::md5_base64(body));
  client_.perform(S3Call{"PUT", "PUT", key, "", std::move(headers), body});
}

bool S3Store::get(const std::string& key, const ChunkSink& sink) {
  check_key(key);
  S3Call call{"GET", "GET", key};
  call.sink = &sink;
  return client_.perform(call, {200, 404}).status == 200;
}

std::optional<ObjectHead> S3Store::head(const std::string& key) {
  check_key(key);
  const S3Answer answer = client_.perform(S3Call{"HEAD", "HEAD", key}, {200, 404});
  if (answer.status == 404) return std::nullopt;
  ObjectHead head;
  head.size = parse_size(header_or_empty(answer, "content-length"));
  head.etag = header_or_empty(answer, "etag");
  for (const auto& [name, value] : answer.headers) {
    if (name.starts_with("x-amz-meta-")) head.metadata[name.substr(11)] = value;
  }
  return head;
}

void S3Store::remove(const std::string& key) {
  check_key(key);
  client_.perform(S3Call{"DELETE", "DELETE", key}, {200, 204, 404});
}

ListPage S3Store::list(const std::string& prefix, const std::string& continuation,
                       std::size_t max_keys) {
  if (!valid_prefix(prefix)) throw StorageError("invalid prefix '" + prefix + "'", 400, false);
  std::vector<std::pair<std::string, std::string>> params{
      {"list-type", "2"}, {"max-keys", std::to_string(max_keys)}, {"prefix", prefix}};
  if (!continuation.empty()) params.emplace_back("continuation-token", continuation);
  const S3Answer answer =
      client_.perform(S3Call{"LIST", "GET", "", s3_text::canonical_query(std::move(params))});
  ListPage page;
  for (const auto block : s3_text::xml_blocks(answer.body, "Contents")) {
    ObjectInfo info;
    info.key = s3_text::xml_value(block, "Key");
    info.size = parse_size(s3_text::xml_value(block, "Size"));
    info.last_modified = s3_text::xml_value(block, "LastModified");
    page.objects.push_back(std::move(info));
  }
  if (s3_text::xml_value(answer.body, "IsTruncated") == "true") {
    page.next = s3_text::xml_value(answer.body, "NextContinuationToken");
    if (page.next.empty()) {
      throw StorageError("object storage LIST: truncated without a continuation token", 0, false);
    }
  }
  return page;
}

std::unique_ptr<MultipartUpload> S3Store::start_multipart(const std::string& key,
                                                          const PutOptions& options) {
  check_key(key);
  return std::make_unique<S3Multipart>(client_, key, options);
}

std::string S3Store::describe() const {
  return "s3 " + client_.url("");
}

}  // namespace tmeit::storage
