#pragma once

#include "domain/fields.hpp"
#include "domain/sign_up.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tmeit::domain {

/// What the public sign-up form sends, validated.
struct SignUpForm {
  std::string email;
  std::string first_name;
  std::optional<std::string> nickname;
  std::string last_name;
  std::optional<std::string> phone;  // optional, as in the original; "" counts as none
  std::string password;
};

/// The fields of the sign-up form: validation and the OpenAPI schema are made from this table.
const std::vector<FieldSpec>& sign_up_fields();

/// Fills `form` from `body`; what is wrong with it when not ok (an unknown field, or invalid and
/// missing values by field; then `form` is not to be used).
FieldProblems sign_up_from_json(const nlohmann::json& body, SignUpForm& form);

/// A sign-up as its applicant gets it back: everything they sent but the password.
nlohmann::json sign_up_json(const SignUp& sign_up);

/// A pending sign-up as masters list it: sign_up_json plus the address it came from.
nlohmann::json pending_sign_up_json(const SignUp& sign_up);

/// What anyone holding the uuid may see: the uuid, the first name and the status.
nlohmann::json sign_up_status_json(const SignUp& sign_up);

/// OpenAPI schemas: the form, the applicant's copy, the master view and the public status.
nlohmann::json sign_up_form_schema();
nlohmann::json sign_up_schema();
nlohmann::json pending_sign_up_schema();
nlohmann::json sign_up_status_schema();

}  // namespace tmeit::domain
