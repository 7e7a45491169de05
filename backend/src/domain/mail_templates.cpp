#include "domain/mail_templates.hpp"

namespace tmeit::domain {
namespace {

/// The HTML alternative: a paragraph per entry of `paragraphs` (already escaped HTML).
std::string html_page(std::initializer_list<std::string> paragraphs) {
  std::string html = "<!DOCTYPE html>\n<html><body>\n";
  for (const auto& paragraph : paragraphs) html += "<p>" + paragraph + "</p>\n";
  html += "<p>TMEIT</p>\n</body></html>\n";
  return html;
}

std::string greeting(const std::string& first_name) {
  return "Hi " + first_name + ",";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Email reset_mail(const std::string& to, const std::string& first_name, const std::string& link) {
  Email mail;
  mail.recipient = to;
  mail.subject = "Reset your TMEIT password";
  mail.body_text = greeting(first_name) +
                   "\n\nSomeone (hopefully you) asked to reset your TMEIT password. Choose a new "
                   "one here:\n\n" +
                   link +
                   "\n\nThe link works once, for one hour. If you did not ask for this, ignore "
                   "this mail: your password stays as it is.\n\nTMEIT\n";
  const auto safe_link = html_escape(link);
  mail.body_html = html_page(
      {html_escape(greeting(first_name)),
       "Someone (hopefully you) asked to reset your TMEIT password. Choose a new one here:",
       "<a href=\"" + safe_link + "\">" + safe_link + "</a>",
       "The link works once, for one hour. If you did not ask for this, ignore this mail: your "
       "password stays as it is."});
  return mail;
}

Email sign_up_received_mail(const std::string& to, const std::string& first_name,
                            const std::string& reference) {
  Email mail;
  mail.recipient = to;
  mail.subject = "We got your application to TMEIT";
  mail.body_text = greeting(first_name) +
                   "\n\nThanks for signing up to TMEIT! A master will look at your application "
                   "soon; you get another mail when it is approved.\n\nYour reference: " +
                   reference + "\n\nTMEIT\n";
  mail.body_html = html_page({html_escape(greeting(first_name)),
                              "Thanks for signing up to TMEIT! A master will look at your "
                              "application soon; you get another mail when it is approved.",
                              "Your reference: " + html_escape(reference)});
  return mail;
}

Email welcome_mail(const std::string& to, const std::string& first_name, const std::string& site) {
  Email mail;
  mail.recipient = to;
  mail.subject = "Welcome to TMEIT";
  mail.body_text = greeting(first_name) +
                   "\n\nYour application was approved: you are a prao in TMEIT now. Log in at " +
                   site + " with your email and the password you chose.\n\nTMEIT\n";
  const auto safe_site = html_escape(site);
  mail.body_html = html_page({html_escape(greeting(first_name)),
                              "Your application was approved: you are a prao in TMEIT now. Log "
                              "in at <a href=\"" +
                                  safe_site + "\">" + safe_site +
                                  "</a> with your email and the password you chose."});
  return mail;
}

Email test_mail(const std::string& to, const std::string& requested_by) {
  Email mail;
  mail.recipient = to;
  mail.subject = "TMEIT test email";
  mail.body_text = "This is a test email from TMEIT, sent at the request of " + requested_by +
                   ".\nIf you can read it, mail works.\n\nTMEIT\n";
  mail.body_html = html_page(
      {"This is a test email from TMEIT, sent at the request of " + html_escape(requested_by) + ".",
       "If you can read it, mail works."});
  return mail;
}

}  // namespace tmeit::domain
