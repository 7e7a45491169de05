#pragma once

#include "domain/email.hpp"

#include <chrono>
#include <string>
#include <string_view>

/// Building an Internet message (RFC 5322 + MIME) from an Email. Pure functions, no network.
namespace tmeit::clients::smtp_message {

/// What varies per message besides the Email; random parts come from the caller so tests can
/// fix them.
struct Envelope {
  std::string from;        ///< mailbox, e.g. "TMEIT <noreply@tmeit.se>"
  std::string message_id;  ///< without angle brackets, e.g. "3f2a...@tmeit.se"
  std::string boundary;    ///< MIME boundary; must not occur in the encoded bodies
  std::chrono::system_clock::time_point date;
};

/// The whole message with CRLF line ends: headers, then multipart/alternative (text + HTML) or,
/// without HTML, a single text/plain part. Bodies are UTF-8 in quoted-printable. Throws
/// std::invalid_argument when the recipient is not a plain address (header injection).
std::string build(const domain::Email& email, const Envelope& envelope);

/// A fresh Envelope for `from`: random Message-ID at the sender's domain, random boundary, now.
Envelope make_envelope(const std::string& from);

/// The addr-spec of a mailbox: "Name <a@b>" gives "a@b", "a@b" gives "a@b".
std::string address_of(std::string_view mailbox);

/// True for a plain address usable in SMTP and a To header: domain::is_email (printable ASCII,
/// one '@' with text on both sides, no spaces, angle brackets, quotes or line breaks).
bool is_plain_address(std::string_view address);

/// Header text per RFC 2047: unchanged when it is printable ASCII, else UTF-8 base64
/// encoded-words of at most 75 characters, folded onto continuation lines. Line breaks in
/// `text` become spaces.
std::string encode_header_text(std::string_view text);

/// A mailbox for From/To: the display name quoted or RFC 2047 encoded, then <address>.
std::string encode_mailbox(std::string_view mailbox);

/// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before 76 characters; a dot
/// at the start of a line is encoded too, so no line of the body can end the SMTP DATA phase.
std::string quoted_printable(std::string_view text);

/// RFC 5322 date in UTC, e.g. "Thu, 26 Nov 2026 07:08:09 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point time);

}  // namespace tmeit::clients::smtp_message
