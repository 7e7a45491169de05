#include "domain/mail_templates.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

TEST(MailTemplates, HtmlEscapeReplacesEveryMarkupCharacter) {
  EXPECT_EQ(html_escape("<b>\"Tom\" & 'Jerry'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
  EXPECT_EQ(html_escape("Åsa"), "Åsa");
}

TEST(MailTemplates, UserProvidedNamesAreEscapedInHtmlOnly) {
  const auto mail = sign_up_received_mail("a@example.com", "<script>x</script>", "ref-1");
  EXPECT_EQ(mail.recipient, "a@example.com");
  EXPECT_NE(mail.body_text.find("Hi <script>x</script>,"), std::string::npos);
  ASSERT_TRUE(mail.body_html);
  EXPECT_EQ(mail.body_html->find("<script>"), std::string::npos);
  EXPECT_NE(mail.body_html->find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(mail.body_text.find("ref-1"), std::string::npos);
}

TEST(MailTemplates, TheResetMailCarriesTheLinkInBothBodies) {
  const auto link = std::string("https://tmeit.example/reset/abc_DEF-123");
  const auto mail = reset_mail("a@example.com", "Anna", link);
  EXPECT_NE(mail.body_text.find(link), std::string::npos);
  ASSERT_TRUE(mail.body_html);
  EXPECT_NE(mail.body_html->find("<a href=\"" + link + "\">"), std::string::npos);
}

TEST(MailTemplates, WelcomeAndTestMailsHaveTextAndHtml) {
  for (const auto& mail : {welcome_mail("a@example.com", "A&B", "https://tmeit.example"),
                           test_mail("a@example.com", "boss@example.com")}) {
    EXPECT_FALSE(mail.subject.empty());
    EXPECT_FALSE(mail.body_text.empty());
    ASSERT_TRUE(mail.body_html);
    EXPECT_EQ(mail.body_html->find("A&B"), std::string::npos);
  }
}

}  // namespace
}  // namespace tmeit::domain
