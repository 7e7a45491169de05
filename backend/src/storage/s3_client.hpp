#pragma once

#include "storage/object_store.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::storage {

/// Where and how to reach an S3 API (AWS, Backblaze B2, Hetzner, MinIO, s3rver in the tests).
struct S3Settings {
  std::string endpoint;  ///< "https://host[:port]", no path
  std::string region = "us-east-1";
  std::string bucket;
  std::string access_key_id;
  std::string secret_access_key;  ///< secret: never logged
  /// true: https://host/bucket/key (MinIO, most self-hosted); false: https://bucket.host/key.
  bool path_style = true;
  std::chrono::milliseconds connect_timeout{10000};
  /// Longest one request may take (a part of 8 MiB on a slow link included).
  std::chrono::milliseconds request_timeout{300000};
  /// Tries per request on 5xx answers and transport failures (timeouts, resets); 4xx answers
  /// are never retried.
  std::size_t max_attempts = 4;
  /// Wait before the first retry; doubled per retry, with jitter.
  std::chrono::milliseconds retry_base{500};
};

/// One S3 REST request.
struct S3Call {
  const char* operation;  ///< for messages: "PUT", "GET", "LIST", ...
  const char* method;     ///< HTTP method
  std::string key;        ///< object key; "" for the bucket itself
  std::string query;      ///< canonical query string (s3_text::canonical_query), may be ""
  std::vector<std::string> headers;
  std::string_view body;            ///< sent with PUT and POST
  const ChunkSink* sink = nullptr;  ///< receives a 2xx body as it arrives (GET)
};

/// What the server answered. `body` is the answer unless a sink took it (then error answers
/// only), at most 1 MiB.
struct S3Answer {
  long status = 0;
  std::map<std::string, std::string> headers;  ///< names in lower case
  std::string body;
};

/// Performs S3 requests with libcurl, signed by libcurl itself (CURLOPT_AWS_SIGV4), with
/// timeouts and bounded retries with exponential backoff on 5xx and transport failures. A
/// streamed GET is retried only while nothing has reached the sink yet.
class S3Client {
 public:
  explicit S3Client(S3Settings settings);

  /// Sends the request, retrying as described; returns any answer below 500 (a 404 is for the
  /// caller to judge), throws StorageError for the rest and for other 4xx when `ok_statuses`
  /// does not list them.
  S3Answer perform(const S3Call& call, std::initializer_list<long> ok_statuses = {200});

  const S3Settings& settings() const { return settings_; }
  /// The URL of `key` (or of the bucket for "") without a query.
  std::string url(const std::string& key) const;

 private:
  S3Answer perform_once(const S3Call& call, bool& delivered, int& curl_code);

  S3Settings settings_;
  std::string sigv4_;  // "aws:amz:<region>:s3"
};

/// "Code: Message" from an S3 error document, or "" when `body` is not one.
std::string s3_error_text(std::string_view body);

}  // namespace tmeit::storage
