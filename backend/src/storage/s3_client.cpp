#include "storage/s3_client.hpp"

#include "clients/curl_handles.hpp"
#include "storage/s3_text.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <random>
#include <thread>

namespace tmeit::storage {
namespace {

constexpr std::size_t max_answer_body = std::size_t{1} << 20;

/// State shared with libcurl's callbacks during one attempt.
struct Transfer {
  CURL* curl = nullptr;
  std::string_view upload;
  std::size_t offset = 0;
  const ChunkSink* sink = nullptr;
  bool* delivered = nullptr;
  S3Answer* answer = nullptr;
  std::exception_ptr sink_error;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = std::min(size * count, transfer->upload.size() - transfer->offset);
  if (n == 0) return 0;
  std::memcpy(buffer, transfer->upload.data() + transfer->offset, n);
  transfer->offset += n;
  return n;
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  long status = 0;
  if (curl_easy_getinfo(transfer->curl, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK) status = 0;
  if (transfer->sink != nullptr && status >= 200 && status < 300) {
    try {
      (*transfer->sink)(std::string_view(data, n));
      *transfer->delivered = true;
    } catch (...) {
      // Handed back to the caller after curl_easy_perform returns (returning 0 stops curl).
      transfer->sink_error = std::current_exception();
      return 0;
    }
    return n;
  }
  auto& body = transfer->answer->body;
  body.append(data, std::min(n, max_answer_body - std::min(max_answer_body, body.size())));
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<S3Answer*>(user);
  const std::string_view line(data, size * count);
  // A new status line (after "100 Continue" or a redirect) starts a new set of headers.
  if (line.starts_with("HTTP/")) {
    answer->headers.clear();
    return line.size();
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return line.size();
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  answer->headers[name] = std::string(value);
  return line.size();
}

template <typename Value>
void set_option(CURL* curl, CURLoption option, Value value, const char* name) {
  const CURLcode code = curl_easy_setopt(curl, option, value);
  if (code != CURLE_OK) {
    throw StorageError(std::string("curl_easy_setopt(") + name + "): " + curl_easy_strerror(code),
                       0, false);
  }
}

bool retryable_transport(int code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

void back_off(const S3Settings& settings, std::size_t attempt) {
  thread_local std::mt19937 random{std::random_device{}()};
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  const double base = static_cast<double>(settings.retry_base.count());
  const double wait_ms =
      base * static_cast<double>(1u << std::min<std::size_t>(attempt - 1, 10)) * jitter(random);
  std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<long long>(wait_ms)));
}

std::string describe(const S3Call& call) {
  return std::string("object storage ") + call.operation + (call.key.empty() ? "" : " ") + call.key;
}

}  // namespace

std::string s3_error_text(std::string_view body) {
  if (body.find("<Error>") == std::string_view::npos) return {};
  std::string text = s3_text::xml_value(body, "Code");
  const std::string message = s3_text::xml_value(body, "Message");
  if (!message.empty()) text += (text.empty() ? "" : ": ") + message;
  return text;
}

S3Client::S3Client(S3Settings settings)
    : settings_(std::move(settings)), sigv4_("aws:amz:" + settings_.region + ":s3") {
  while (!settings_.endpoint.empty() && settings_.endpoint.back() == '/') {
    settings_.endpoint.pop_back();
  }
}

std::string S3Client::url(const std::string& key) const {
  const std::string encoded = key.empty() ? "" : "/" + s3_text::uri_encode(key, true);
  if (settings_.path_style) return settings_.endpoint + "/" + settings_.bucket + encoded;
  const auto scheme_end = settings_.endpoint.find("://");
  const auto host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  return settings_.endpoint.substr(0, host_start) + settings_.bucket + "." +
         settings_.endpoint.substr(host_start) + (encoded.empty() ? "/" : encoded);
}

S3Answer S3Client::perform(const S3Call& call, std::initializer_list<long> ok_statuses) {
  bool delivered = false;
  for (std::size_t attempt = 1;; ++attempt) {
    int curl_code = CURLE_OK;
    S3Answer answer = perform_once(call, delivered, curl_code);
    const bool last = attempt >= settings_.max_attempts || delivered;
    if (curl_code != CURLE_OK) {
      const bool retryable = retryable_transport(curl_code);
      if (!retryable || last) {
        throw StorageError(describe(call) + ": " +
                               curl_easy_strerror(static_cast<CURLcode>(curl_code)) + " (after " +
                               std::to_string(attempt) + " attempts)",
                           0, retryable);
      }
      back_off(settings_, attempt);
      continue;
    }
    // S3 may answer a CompleteMultipartUpload with 200 and an error document: a server error.
    const bool hidden_error = answer.status == 200 && std::string_view(call.method) == "POST" &&
                              !s3_error_text(answer.body).empty();
    if (answer.status >= 500 || hidden_error) {
      if (last) {
        throw StorageError(describe(call) + ": HTTP " + std::to_string(answer.status) + " " +
                               s3_error_text(answer.body) + " (after " + std::to_string(attempt) +
                               " attempts)",
                           static_cast<int>(answer.status), true);
      }
      back_off(settings_, attempt);
      continue;
    }
    if (std::find(ok_statuses.begin(), ok_statuses.end(), answer.status) != ok_statuses.end()) {
      return answer;
    }
    throw StorageError(describe(call) + ": HTTP " + std::to_string(answer.status) + " " +
                           s3_error_text(answer.body),
                       static_cast<int>(answer.status), false);
  }
}

S3Answer S3Client::perform_once(const S3Call& call, bool& delivered, int& curl_code) {
  S3Answer answer;
  clients::CurlPtr curl(curl_easy_init());
  if (!curl) throw StorageError("curl_easy_init failed", 0, false);
  CURL* handle = curl.get();
  Transfer transfer{handle, call.body, 0, call.sink, &delivered, &answer, nullptr};

  // libcurl signs the headers we set; S3 wants the payload's SHA-256 among them.
  std::vector<std::string> header_lines = call.headers;
  header_lines.push_back("x-amz-content-sha256: " + util::to_hex(util::sha256(call.body)));
  clients::CurlSlistPtr headers;
  for (const auto& line : header_lines) {
    // Appending returns the same list head, which `headers` already owns (or the first node).
    curl_slist* head = curl_slist_append(headers.get(), line.c_str());
    if (head == nullptr) throw StorageError("curl_slist_append failed", 0, false);
    if (!headers) headers.reset(head);
  }
  const std::string target = url(call.key) + (call.query.empty() ? "" : "?" + call.query);
  const std::string_view method(call.method);

  set_option(handle, CURLOPT_URL, target.c_str(), "URL");
  set_option(handle, CURLOPT_PATH_AS_IS, 1L, "PATH_AS_IS");
  set_option(handle, CURLOPT_AWS_SIGV4, sigv4_.c_str(), "AWS_SIGV4");
  set_option(handle, CURLOPT_USERNAME, settings_.access_key_id.c_str(), "USERNAME");
  set_option(handle, CURLOPT_PASSWORD, settings_.secret_access_key.c_str(), "PASSWORD");
  set_option(handle, CURLOPT_HTTPHEADER, headers.get(), "HTTPHEADER");
  set_option(handle, CURLOPT_HEADERFUNCTION, &on_header, "HEADERFUNCTION");
  set_option(handle, CURLOPT_HEADERDATA, &answer, "HEADERDATA");
  set_option(handle, CURLOPT_WRITEFUNCTION, &write_body, "WRITEFUNCTION");
  set_option(handle, CURLOPT_WRITEDATA, &transfer, "WRITEDATA");
  set_option(handle, CURLOPT_CONNECTTIMEOUT_MS,
             static_cast<long>(settings_.connect_timeout.count()), "CONNECTTIMEOUT_MS");
  set_option(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.request_timeout.count()),
             "TIMEOUT_MS");
  // No SIGALRM for DNS timeouts: signals belong to the process's shutdown handling.
  set_option(handle, CURLOPT_NOSIGNAL, 1L, "NOSIGNAL");
  if (method == "PUT") {
    set_option(handle, CURLOPT_UPLOAD, 1L, "UPLOAD");
    set_option(handle, CURLOPT_READFUNCTION, &read_body, "READFUNCTION");
    set_option(handle, CURLOPT_READDATA, &transfer, "READDATA");
    set_option(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(call.body.size()),
               "INFILESIZE_LARGE");
  } else if (method == "POST") {
    set_option(handle, CURLOPT_POST, 1L, "POST");
    // Never NULL: libcurl would then read the body from stdin.
    set_option(handle, CURLOPT_POSTFIELDS, call.body.empty() ? "" : call.body.data(), "POSTFIELDS");
    set_option(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()),
               "POSTFIELDSIZE_LARGE");
  } else if (method == "HEAD") {
    set_option(handle, CURLOPT_NOBODY, 1L, "NOBODY");
  } else if (method != "GET") {
    set_option(handle, CURLOPT_CUSTOMREQUEST, call.method, "CUSTOMREQUEST");
  }

  curl_code = curl_easy_perform(handle);
  if (transfer.sink_error) std::rethrow_exception(transfer.sink_error);
  if (curl_code == CURLE_OK &&
      curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer.status) != CURLE_OK) {
    answer.status = 0;
  }
  return answer;
}

}  // namespace tmeit::storage
