#include "domain/sign_up_fields.hpp"

#include <algorithm>

namespace tmeit::domain {
namespace {

using nlohmann::json;

/// Pending is the only status a stored sign-up has: approval turns it into a member.
constexpr const char* pending = "pending";

const FieldSpec* find_field(std::string_view name) {
  const auto& fields = sign_up_fields();
  const auto found = std::find_if(fields.begin(), fields.end(),
                                  [name](const FieldSpec& f) { return f.name == name; });
  return found == fields.end() ? nullptr : &*found;
}

bool required(std::string_view name) {
  return name != "nickname" && name != "phone";
}

std::string text_of(const json& body, const char* name) {
  return body.at(name).get<std::string>();
}

/// An optional text field: absent, null and "" are all none.
std::optional<std::string> optional_text_of(const json& body, const char* name) {
  const auto found = body.find(name);
  if (found == body.end() || found->is_null() || found->get_ref<const std::string&>().empty()) {
    return std::nullopt;
  }
  return found->get<std::string>();
}

json optional_json(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json status_schema() {
  return {{"type", "string"}, {"enum", {pending}}};
}

}  // namespace

const std::vector<FieldSpec>& sign_up_fields() {
  using T = FieldType;
  // clang-format off
  static const std::vector<FieldSpec> fields = {
    {.name = "login_email", .type = T::email, .min_length = 3, .max_length = 254,
     .description = "becomes the login email"},
    {.name = "first_name", .type = T::line, .min_length = 1, .max_length = 100},
    {.name = "nickname", .type = T::line, .nullable = true, .max_length = 100},
    {.name = "last_name", .type = T::line, .min_length = 1, .max_length = 100},
    {.name = "phone", .type = T::line, .nullable = true, .max_length = 40,
     .description = "optional; empty counts as none"},
    {.name = "password", .type = T::line, .min_length = 1, .max_length = 256,
     .description = "zxcvbn strength at least 3 of 4"},
  };
  // clang-format on
  return fields;
}

FieldProblems sign_up_from_json(const json& body, SignUpForm& form) {
  FieldProblems problems;
  for (const auto& [name, value] : body.items()) {
    const auto* spec = find_field(name);
    if (spec == nullptr) {
      problems.refuse(name, "unknown field: " + name);
      return problems;
    }
    if (auto problem = field_problem(*spec, value)) problems.invalid[name] = *problem;
  }
  for (const auto& spec : sign_up_fields()) {
    if (required(spec.name) && !body.contains(spec.name)) {
      problems.invalid[std::string(spec.name)] = "is required";
    }
  }
  if (!problems.ok()) return problems;
  form.email = text_of(body, "login_email");
  form.first_name = text_of(body, "first_name");
  form.nickname = optional_text_of(body, "nickname");
  form.last_name = text_of(body, "last_name");
  form.phone = optional_text_of(body, "phone");
  form.password = text_of(body, "password");
  return problems;
}

json sign_up_json(const SignUp& sign_up) {
  return {{"uuid", sign_up.uuid},
          {"status", pending},
          {"login_email", sign_up.email},
          {"first_name", sign_up.first_name},
          {"nickname", optional_json(sign_up.nickname)},
          {"last_name", sign_up.last_name},
          {"phone", optional_json(sign_up.phone)},
          {"time_created", sign_up.created_at}};
}

json pending_sign_up_json(const SignUp& sign_up) {
  auto out = sign_up_json(sign_up);
  out["ip_address"] = optional_json(sign_up.client_ip);
  return out;
}

json sign_up_status_json(const SignUp& sign_up) {
  return {{"uuid", sign_up.uuid}, {"first_name", sign_up.first_name}, {"status", pending}};
}

json sign_up_form_schema() {
  json properties = json::object();
  json required_fields = json::array();
  for (const auto& spec : sign_up_fields()) {
    auto schema = field_schema(spec);
    if (spec.name == "password") schema["format"] = "password";
    properties[spec.name] = schema;
    if (required(spec.name)) required_fields.push_back(spec.name);
  }
  return {{"type", "object"},
          {"description", "An application to join as prao. An unknown field is a 400 naming it."},
          {"required", required_fields},
          {"additionalProperties", false},
          {"properties", properties}};
}

json sign_up_schema() {
  json properties = json::object();
  json required_fields = json::array({"uuid", "status", "time_created"});
  properties["uuid"] = {{"type", "string"}, {"format", "uuid"}};
  properties["status"] = status_schema();
  for (const auto& spec : sign_up_fields()) {
    if (spec.name == "password") continue;
    properties[spec.name] = field_schema(spec);
    required_fields.push_back(spec.name);
  }
  properties["time_created"] = {
      {"type", "string"},
      {"format", "date-time"},
      {"description", "when it was sent, e.g. 2026-11-26T18:00:00.500000+00:00"}};
  return {{"type", "object"},
          {"description", "A pending sign-up, as its applicant gets it back."},
          {"required", required_fields},
          {"properties", properties}};
}

json pending_sign_up_schema() {
  auto schema = sign_up_schema();
  schema["description"] = "A pending sign-up as masters see it.";
  schema["properties"]["ip_address"] = {
      {"type", "string"},
      {"nullable", true},
      {"description", "the address it was sent from; null after 30 days"}};
  schema["required"].push_back("ip_address");
  return schema;
}

json sign_up_status_schema() {
  return {{"type", "object"},
          {"description", "What anyone holding a sign-up's uuid may see."},
          {"required", {"uuid", "first_name", "status"}},
          {"properties",
           {{"uuid", {{"type", "string"}, {"format", "uuid"}}},
            {"first_name", {{"type", "string"}}},
            {"status", status_schema()}}}};
}

}  // namespace tmeit::domain
