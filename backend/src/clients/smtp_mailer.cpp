#include "clients/smtp_mailer.hpp"

#include "clients/curl_handles.hpp"
#include "clients/smtp_message.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace tmeit::clients {
namespace {

/// The message libcurl reads as the DATA of the SMTP transaction.
struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

template <typename Value>
void set_option(CURL* curl, CURLoption option, Value value, const char* name) {
  const CURLcode code = curl_easy_setopt(curl, option, value);
  if (code != CURLE_OK) {
    throw MailError(std::string("curl_easy_setopt(") + name + "): " + curl_easy_strerror(code));
  }
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}

void SmtpMailer::send(const domain::Email& email) {
  if (!smtp_message::is_plain_address(email.recipient)) {
    throw MailError("recipient is not a plain email address", /*permanent=*/true);
  }
  const std::string message =
      smtp_message::build(email, smtp_message::make_envelope(settings_.from));
  Upload upload{message};

  CurlPtr curl(curl_easy_init());
  if (!curl) throw MailError("curl_easy_init failed");
  CurlSlistPtr recipients(curl_slist_append(nullptr, ("<" + email.recipient + ">").c_str()));
  if (!recipients) throw MailError("curl_slist_append failed");
  const std::string mail_from = "<" + smtp_message::address_of(settings_.from) + ">";
  const bool implicit_tls = settings_.url.rfind("smtps://", 0) == 0;
  char error_buffer[CURL_ERROR_SIZE] = {};

  CURL* handle = curl.get();
  set_option(handle, CURLOPT_ERRORBUFFER, error_buffer, "ERRORBUFFER");
  set_option(handle, CURLOPT_URL, settings_.url.c_str(), "URL");
  // smtp:// upgrades with STARTTLS whenever the server offers it; smtps:// is TLS from the start.
  set_option(handle, CURLOPT_USE_SSL,
             static_cast<long>(implicit_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY), "USE_SSL");
  if (!settings_.username.empty()) {
    set_option(handle, CURLOPT_USERNAME, settings_.username.c_str(), "USERNAME");
    set_option(handle, CURLOPT_PASSWORD, settings_.password.c_str(), "PASSWORD");
  }
  set_option(handle, CURLOPT_MAIL_FROM, mail_from.c_str(), "MAIL_FROM");
  set_option(handle, CURLOPT_MAIL_RCPT, recipients.get(), "MAIL_RCPT");
  set_option(handle, CURLOPT_READFUNCTION, &read_upload, "READFUNCTION");
  set_option(handle, CURLOPT_READDATA, &upload, "READDATA");
  set_option(handle, CURLOPT_UPLOAD, 1L, "UPLOAD");
  set_option(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()),
             "INFILESIZE_LARGE");
  set_option(handle, CURLOPT_CONNECTTIMEOUT_MS,
             static_cast<long>(settings_.connect_timeout.count()), "CONNECTTIMEOUT_MS");
  set_option(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.send_timeout.count()),
             "TIMEOUT_MS");
  // No SIGALRM for DNS timeouts: signals belong to the process's shutdown handling.
  set_option(handle, CURLOPT_NOSIGNAL, 1L, "NOSIGNAL");

  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    long response = 0;
    if (curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response) != CURLE_OK) response = 0;
    std::string what = std::string("SMTP: ") + curl_easy_strerror(code);
    if (error_buffer[0] != '\0') what += std::string(" (") + error_buffer + ")";
    if (response != 0) what += ", server said " + std::to_string(response);
    throw MailError(what);
  }
}

}  // namespace tmeit::clients
