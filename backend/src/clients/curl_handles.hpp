#pragma once

#include <curl/curl.h>

#include <memory>
#include <stdexcept>

namespace tmeit::clients {

/// Frees an easy handle when the owner goes away.
struct CurlEasyDeleter {
  void operator()(CURL* curl) const noexcept { curl_easy_cleanup(curl); }
};

/// Frees a string list (e.g. SMTP recipients) when the owner goes away.
struct CurlSlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

/// Owner of a CURL easy handle.
using CurlPtr = std::unique_ptr<CURL, CurlEasyDeleter>;
/// Owner of a curl_slist.
using CurlSlistPtr = std::unique_ptr<curl_slist, CurlSlistDeleter>;

/// libcurl's process-wide setup. curl_global_init is not thread-safe, so a composition root
/// makes one of these before it starts any thread that uses libcurl.
class CurlGlobal {
 public:
  CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("curl_global_init failed");
    }
  }
  ~CurlGlobal() { curl_global_cleanup(); }
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

}  // namespace tmeit::clients
