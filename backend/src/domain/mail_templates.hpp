#pragma once

#include "domain/email.hpp"

#include <string>
#include <string_view>

namespace tmeit::domain {

/// `text` with &, <, >, " and ' replaced by HTML entities, for user-provided text in HTML mail.
std::string html_escape(std::string_view text);

/// The password reset mail: the single-use `link` and how long it lasts.
Email reset_mail(const std::string& to, const std::string& first_name, const std::string& link);

/// Sent when the sign-up form arrives: a master will look at it; `reference` is its uuid.
Email sign_up_received_mail(const std::string& to, const std::string& first_name,
                            const std::string& reference);

/// Sent when a master approves a sign-up: they are a prao now and can log in at `site`.
Email welcome_mail(const std::string& to, const std::string& first_name, const std::string& site);

/// A master's test of the mail path; `requested_by` is their email.
Email test_mail(const std::string& to, const std::string& requested_by);

}  // namespace tmeit::domain
