#include "clients/http_get.hpp"

#include "clients/curl_handles.hpp"

#include <algorithm>

namespace tmeit::clients {
namespace {

struct Sink {
  std::string* body;
  std::size_t max;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  // Returning less than n makes libcurl stop with CURLE_WRITE_ERROR.
  if (sink->body->size() + n > sink->max) return 0;
  sink->body->append(data, n);
  return n;
}

}  // namespace

domain::HttpReply http_get(const std::string& url, std::chrono::milliseconds timeout,
                           std::size_t max_body) {
  domain::HttpReply reply;
  CurlPtr curl(curl_easy_init());
  if (!curl) {
    reply.error = "curl_easy_init failed";
    return reply;
  }
  Sink sink{&reply.body, max_body};
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* handle = curl.get();
  const long timeout_ms = std::max(1L, static_cast<long>(timeout.count()));
  const bool options_ok =
      curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer) == CURLE_OK &&
      curl_easy_setopt(handle, CURLOPT_URL, url.c_str()) == CURLE_OK &&
      curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &collect) == CURLE_OK &&
      curl_easy_setopt(handle, CURLOPT_WRITEDATA, &sink) == CURLE_OK &&
      curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms) == CURLE_OK &&
      curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms) == CURLE_OK &&
      // Only the URLs of our own configuration: no redirects elsewhere, no other schemes.
      curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
      // No SIGALRM for DNS timeouts: signals belong to the process's shutdown handling.
      curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
  if (!options_ok) {
    reply.error = "curl_easy_setopt failed";
    return reply;
  }
  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    reply.error = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    if (code == CURLE_WRITE_ERROR) reply.error = "answer larger than " + std::to_string(max_body);
    return reply;
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply.status);
  return reply;
}

}  // namespace tmeit::clients
