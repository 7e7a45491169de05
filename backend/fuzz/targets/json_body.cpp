// JSON bodies as the handlers read them: json_object_body, then every validator that turns a
// body into a member, an event or a sign-up; what they accept must render back as valid JSON.
#include "domain/event_fields.hpp"
#include "domain/member_fields.hpp"
#include "domain/sign_up_fields.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace tmeit;

void check_renders_as_json(const std::string& text) {
  if (!nlohmann::json::accept(text)) __builtin_trap();
}

domain::Member sample_member() {
  domain::Member member;
  member.uuid = "0b8e1f0e-4a53-4b8e-9b1c-2f0e5d7a6c11";
  member.short_uuid = "C44fDkpT";
  member.login_email = "anna@example.com";
  member.first_name = "Anna";
  member.last_name = "Svensson";
  member.created_at = member.updated_at = "2026-01-01T00:00:00Z";
  return member;
}

domain::Event sample_event() {
  domain::Event event;
  event.uuid = "5c3f1a52-1d2b-4c1e-8f9a-0a1b2c3d4e5f";
  event.title = "Pub";
  event.event_start = "2026-11-26T18:00:00Z";
  event.created_at = event.updated_at = "2026-01-01T00:00:00Z";
  return event;
}

void validate(const nlohmann::json& body) {
  for (auto viewer : domain::all_member_viewers) {
    auto member = sample_member();
    if (domain::apply_member_patch(member, body, viewer).ok()) {
      check_renders_as_json(domain::member_json(member, viewer));
    }
  }
  domain::Member created_member;
  if (domain::member_from_create(body, created_member).ok()) {
    check_renders_as_json(domain::member_json(created_member, domain::MemberViewer::master));
  }
  auto event = sample_event();
  if (domain::apply_event_patch(event, body).ok()) check_renders_as_json(domain::event_json(event));
  domain::Event created_event;
  if (domain::event_from_create(body, created_event).ok()) {
    check_renders_as_json(domain::event_json(created_event));
  }
  domain::SignUpForm form;
  (void)domain::sign_up_from_json(body, form);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::Request request{http::bhttp::verb::post, "/", 11};
  request.set(http::bhttp::field::content_type, "application/json");
  request.body().assign(reinterpret_cast<const char*>(data), size);
  try {
    validate(http::json_object_body(request));
  } catch (const http::ApiError&) {
    // A 4xx: what bad input must get.
  }
  return 0;
}
