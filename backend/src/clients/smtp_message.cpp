#include "clients/smtp_message.hpp"

#include "domain/fields.hpp"
#include "util/text.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <vector>

namespace tmeit::clients::smtp_message {
namespace {

constexpr const char* crlf = "\r\n";
constexpr char hex_digits[] = "0123456789ABCDEF";
constexpr char lower_hex_digits[] = "0123456789abcdef";
// Encoded-words may be 75 characters; "=?UTF-8?B?" and "?=" take 12, leaving 63 for base64,
// i.e. 45 input bytes.
constexpr std::size_t encoded_word_bytes = 45;
// Quoted-printable lines may be 76 characters; one is kept for the '=' of a soft break.
constexpr std::size_t qp_line_limit = 75;

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                     reinterpret_cast<const unsigned char*>(bytes.data()),
                                     static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> random(bytes);
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  std::string out;
  for (unsigned char byte : random) {
    out += lower_hex_digits[byte >> 4];
    out += lower_hex_digits[byte & 0x0f];
  }
  return out;
}

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

std::string without_line_breaks(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

/// Characters that may stand in a display name without quotes (RFC 5322 atext and spaces).
bool is_plain_phrase(std::string_view text) {
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && std::string_view(" !#$%&'*+-/=?^_`{|}~").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string display_name_of(std::string_view mailbox) {
  const auto open = mailbox.rfind('<');
  if (open == std::string_view::npos) return {};
  auto name = util::trim_spaces(mailbox.substr(0, open));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    name = name.substr(1, name.size() - 2);
  }
  return std::string(name);
}

void append_part(std::string& out, const std::string& boundary, const char* content_type,
                 std::string_view body) {
  out += "--" + boundary + crlf;
  out += std::string("Content-Type: ") + content_type + "; charset=UTF-8" + crlf;
  out += std::string("Content-Transfer-Encoding: quoted-printable") + crlf + crlf;
  out += quoted_printable(body);
  out += crlf;
}

}  // namespace

std::string address_of(std::string_view mailbox) {
  const auto open = mailbox.rfind('<');
  const auto close = mailbox.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    return std::string(util::trim_spaces(mailbox.substr(open + 1, close - open - 1)));
  }
  return std::string(util::trim_spaces(mailbox));
}

bool is_plain_address(std::string_view address) {
  // The same rule that refuses such addresses at input, so what was accepted can be sent.
  return domain::is_email(address);
}

std::string encode_header_text(std::string_view text) {
  const std::string line = without_line_breaks(text);
  if (is_printable_ascii(line) && line.find("=?") == std::string::npos) return line;
  std::string out;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = std::min(start + encoded_word_bytes, line.size());
    // Never split a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
    while (end < line.size() && end > start + 1 &&
           (static_cast<unsigned char>(line[end]) & 0xc0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(line).substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string encode_mailbox(std::string_view mailbox) {
  const std::string address = address_of(mailbox);
  const std::string name = without_line_breaks(display_name_of(mailbox));
  if (name.empty()) return "<" + address + ">";
  if (!is_printable_ascii(name)) return encode_header_text(name) + " <" + address + ">";
  if (is_plain_phrase(name)) return name + " <" + address + ">";
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + address + ">";
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::size_t line_length = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += crlf;
      line_length = 0;
      continue;
    }
    const bool line_ends = i + 1 == text.size() || text[i + 1] == '\r' || text[i + 1] == '\n';
    // Trailing white space may be stripped in transit, so it is encoded at the end of a line.
    const bool literal =
        (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_ends);
    std::string token;
    if (literal) {
      token = static_cast<char>(c);
    } else {
      token = {'=', hex_digits[c >> 4], hex_digits[c & 0x0f]};
    }
    if (line_length + token.size() > qp_line_limit) {
      out += "=\r\n";
      line_length = 0;
    }
    if (line_length == 0 && token == ".") token = "=2E";
    out += token;
    line_length += token.size();
  }
  return out;
}

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static constexpr std::array<const char*, 7> days = {"Sun", "Mon", "Tue", "Wed",
                                                      "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  if (gmtime_r(&seconds, &utc) == nullptr) throw std::runtime_error("gmtime_r failed");
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                days.at(static_cast<std::size_t>(utc.tm_wday)), utc.tm_mday,
                months.at(static_cast<std::size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour,
                utc.tm_min, utc.tm_sec);
  return buffer;
}

Envelope make_envelope(const std::string& from) {
  const std::string address = address_of(from);
  const auto at = address.find('@');
  const std::string domain = at == std::string::npos ? "localhost" : address.substr(at + 1);
  // "=_" can never appear in quoted-printable output, so the boundary cannot clash with a body.
  return {from, random_hex(16) + "@" + domain, "=_tmeit_" + random_hex(12),
          std::chrono::system_clock::now()};
}

std::string build(const domain::Email& email, const Envelope& envelope) {
  if (!is_plain_address(email.recipient)) {
    throw std::invalid_argument("recipient is not a plain email address");
  }
  std::string out;
  out += "Date: " + rfc5322_date(envelope.date) + crlf;
  out += "From: " + encode_mailbox(envelope.from) + crlf;
  out += "To: <" + email.recipient + ">" + crlf;
  out += "Subject: " + encode_header_text(email.subject) + crlf;
  out += "Message-ID: <" + envelope.message_id + ">" + crlf;
  out += std::string("MIME-Version: 1.0") + crlf;
  if (!email.body_html) {
    out += std::string("Content-Type: text/plain; charset=UTF-8") + crlf;
    out += std::string("Content-Transfer-Encoding: quoted-printable") + crlf + crlf;
    out += quoted_printable(email.body_text) + crlf;
    return out;
  }
  out += "Content-Type: multipart/alternative; boundary=\"" + envelope.boundary + "\"" + crlf;
  out += crlf;
  // Least preferred first: readers show the last alternative they understand.
  append_part(out, envelope.boundary, "text/plain", email.body_text);
  append_part(out, envelope.boundary, "text/html", *email.body_html);
  out += "--" + envelope.boundary + "--" + crlf;
  return out;
}

}  // namespace tmeit::clients::smtp_message
