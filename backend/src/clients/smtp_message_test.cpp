#include "clients/smtp_message.hpp"

#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <algorithm>
#include <string>

namespace tmeit::clients::smtp_message {
namespace {

Envelope fixed_envelope() {
  // 2026-11-26 07:08:09 UTC.
  return {"TMEIT <noreply@tmeit.se>", "abc123@tmeit.se", "=_tmeit_b0undary",
          std::chrono::system_clock::from_time_t(1795676889)};
}

domain::Email sample_email() {
  return {"someone@example.org", "Welcome", "Hello!\nSee you.", "<p>Hello!</p>"};
}

/// Base64 to bytes; EVP_DecodeBlock also writes a zero byte per '=' of padding, which the
/// caller strips.
std::string decode_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<const unsigned char*>(text.data()),
                               static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(std::max(length, 0)));
  return out;
}

/// Decodes a header made of encoded-words back to UTF-8 (for round-trip checks).
std::string decode_encoded_words(const std::string& header) {
  std::string out;
  std::size_t pos = 0;
  while ((pos = header.find("=?UTF-8?B?", pos)) != std::string::npos) {
    auto end = header.find("?=", pos + 10);
    std::string word = header.substr(pos + 10, end - pos - 10);
    std::string decoded = decode_base64(word);
    // Strip the zero bytes EVP_DecodeBlock writes for padding.
    auto padding = static_cast<std::size_t>(std::count(word.begin(), word.end(), '='));
    decoded.resize(word.size() / 4 * 3 - padding);
    out += decoded;
    pos = end + 2;
  }
  return out;
}

TEST(SmtpMessage, HasTheHeadersEveryMailNeeds) {
  const auto message = build(sample_email(), fixed_envelope());
  EXPECT_EQ(message.rfind("Date: Thu, 26 Nov 2026 07:08:09 +0000\r\n", 0), 0u) << message;
  EXPECT_NE(message.find("\r\nFrom: TMEIT <noreply@tmeit.se>\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nTo: <someone@example.org>\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nSubject: Welcome\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nMessage-ID: <abc123@tmeit.se>\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
}

TEST(SmtpMessage, IsMultipartAlternativeWithTextThenHtml) {
  const auto message = build(sample_email(), fixed_envelope());
  EXPECT_NE(message.find("Content-Type: multipart/alternative; boundary=\"=_tmeit_b0undary\""),
            std::string::npos);
  const auto text = message.find("--=_tmeit_b0undary\r\nContent-Type: text/plain; charset=UTF-8");
  const auto html = message.find("--=_tmeit_b0undary\r\nContent-Type: text/html; charset=UTF-8");
  const auto end = message.find("--=_tmeit_b0undary--\r\n");
  ASSERT_NE(text, std::string::npos) << message;
  ASSERT_NE(html, std::string::npos) << message;
  ASSERT_NE(end, std::string::npos) << message;
  EXPECT_LT(text, html);
  EXPECT_LT(html, end);
  EXPECT_NE(message.find("Hello!\r\nSee you.\r\n"), std::string::npos) << message;
  EXPECT_NE(message.find("<p>Hello!</p>"), std::string::npos) << message;
}

TEST(SmtpMessage, WithoutHtmlIsASingleTextPart) {
  auto email = sample_email();
  email.body_html.reset();
  const auto message = build(email, fixed_envelope());
  EXPECT_EQ(message.find("multipart"), std::string::npos);
  EXPECT_NE(message.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
}

TEST(SmtpMessage, UsesOnlyCrlfLineEnds) {
  const auto message = build(sample_email(), fixed_envelope());
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      ASSERT_TRUE(i > 0 && message[i - 1] == '\r') << "bare LF at " << i;
    }
  }
}

TEST(SmtpMessage, RefusesARecipientThatCouldInjectHeaders) {
  auto email = sample_email();
  email.recipient = "a@b.se\r\nBcc: everyone@example.org";
  EXPECT_THROW(build(email, fixed_envelope()), std::invalid_argument);
  email.recipient = "Someone <a@b.se>";
  EXPECT_THROW(build(email, fixed_envelope()), std::invalid_argument);
}

TEST(SmtpMessage, SubjectLineBreaksCannotStartANewHeader) {
  auto email = sample_email();
  email.subject = "Hi\r\nBcc: everyone@example.org";
  const auto message = build(email, fixed_envelope());
  EXPECT_EQ(message.find("\r\nBcc:"), std::string::npos) << message;
}

TEST(HeaderEncoding, LeavesAsciiAlone) {
  EXPECT_EQ(encode_header_text("Password reset"), "Password reset");
}

TEST(HeaderEncoding, EncodesNonAsciiAsUtf8Base64Words) {
  const std::string subject =
      "Välkommen till TMEIT – din ansökan är mottagen, hälsningar klubbmästeriet";
  const auto encoded = encode_header_text(subject);
  EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u) << encoded;
  std::size_t start = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n ", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 75u) << "encoded-word longer than 75 characters";
    start = end + 3;
  }
  EXPECT_EQ(decode_encoded_words(encoded), subject);
}

TEST(HeaderEncoding, NeverSplitsAUtf8Character) {
  const std::string subject(60, 'a');
  const auto encoded = encode_header_text(subject + "åäöåäöåäöåäöåäöåäö");
  std::size_t pos = 0;
  while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
    auto end = encoded.find("?=", pos + 10);
    auto word = encoded.substr(pos + 10, end - pos - 10);
    auto decoded = decode_encoded_words("=?UTF-8?B?" + word + "?=");
    ASSERT_FALSE(decoded.empty());
    EXPECT_NE(static_cast<unsigned char>(decoded.front()) & 0xc0, 0x80) << "starts mid-character";
    pos = end + 2;
  }
  EXPECT_EQ(decode_encoded_words(encoded), subject + "åäöåäöåäöåäöåäöåäö");
}

TEST(HeaderEncoding, MailboxNamesAreQuotedOrEncoded) {
  EXPECT_EQ(encode_mailbox("TMEIT <noreply@tmeit.se>"), "TMEIT <noreply@tmeit.se>");
  EXPECT_EQ(encode_mailbox("noreply@tmeit.se"), "<noreply@tmeit.se>");
  EXPECT_EQ(encode_mailbox("TMEIT, KM <a@b.se>"), "\"TMEIT, KM\" <a@b.se>");
  EXPECT_EQ(encode_mailbox("Klubbmästeriet <a@b.se>").rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(address_of("Klubbmästeriet <a@b.se>"), "a@b.se");
}

TEST(QuotedPrintable, KeepsPlainTextReadable) {
  EXPECT_EQ(quoted_printable("Hello, world!"), "Hello, world!");
}

TEST(QuotedPrintable, EncodesUtf8AndEqualsSigns) {
  EXPECT_EQ(quoted_printable("å=1"), "=C3=A5=3D1");
}

TEST(QuotedPrintable, EncodesTrailingWhiteSpaceAndLeadingDots) {
  EXPECT_EQ(quoted_printable("end \nx\t"), "end=20\r\nx=09");
  EXPECT_EQ(quoted_printable(".\n..hidden"), "=2E\r\n=2E.hidden");
}

TEST(QuotedPrintable, BreaksLongLinesSoftlyBefore76Characters) {
  const std::string long_line(200, 'x');
  const auto encoded = quoted_printable(long_line);
  std::size_t start = 0, total = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    auto line = encoded.substr(start, end - start);
    EXPECT_LE(line.size(), 76u);
    total += line.size() - (line.back() == '=' ? 1 : 0);
    start = end + 2;
  }
  EXPECT_EQ(total, 200u);
}

TEST(QuotedPrintable, NeverSplitsAnEscape) {
  const auto encoded = quoted_printable(std::string(74, 'x') + "ååå");
  EXPECT_NE(encoded.find("x=\r\n=C3=A5"), std::string::npos) << encoded;
}

TEST(Envelope, IsRandomAndAtTheSendersDomain) {
  const auto a = make_envelope("TMEIT <noreply@tmeit.se>");
  const auto b = make_envelope("TMEIT <noreply@tmeit.se>");
  EXPECT_NE(a.message_id, b.message_id);
  EXPECT_NE(a.boundary, b.boundary);
  EXPECT_TRUE(a.message_id.ends_with("@tmeit.se")) << a.message_id;
}

}  // namespace
}  // namespace tmeit::clients::smtp_message
