#include "support/photo_uploads.hpp"

#include <algorithm>
#include <iostream>

#include "media/test_images.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

ServerSetup folder_storage(const TempDir& storage) {
  return {
      .env = {{"TMEIT_STORAGE_BACKEND", "folder"}, {"TMEIT_STORAGE_DIR", storage.path().string()}}};
}

}  // namespace

std::string form_body(const std::vector<FormPart>& parts) {
  std::string body;
  for (const auto& part : parts) {
    body += std::string("--") + form_boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + part.name + "\"";
    if (!part.filename.empty()) {
      body += "; filename=\"" + part.filename + "\"\r\nContent-Type: " + part.content_type;
    }
    body += "\r\n\r\n" + part.data + "\r\n";
  }
  return body + "--" + form_boundary + "--\r\n";
}

Headers form_headers(Headers headers) {
  headers.emplace_back("Content-Type",
                       std::string("multipart/form-data; boundary=") + form_boundary);
  return headers;
}

std::string photo_form(const std::string& data, const std::string& visibility) {
  std::vector<FormPart> parts{{"file", data, "photo.jpg", "image/jpeg"}};
  if (!visibility.empty()) parts.push_back({"visibility", visibility});
  return form_body(parts);
}

const std::string& test_jpeg() {
  static const std::string jpeg = media::test_images::jpeg(media::test_images::halves(1200, 800));
  return jpeg;
}

const std::string& large_noise_png() {
  static const std::string png = [] {
    media::Raster noise{.width = 1500, .height = 1000, .channels = 3};
    noise.pixels.resize(std::size_t{1500} * 1000 * 3);
    std::uint32_t state = 12345;
    for (auto& byte : noise.pixels) {
      state = state * 1664525u + 1013904223u;  // a fixed LCG: the same noise every run
      byte = static_cast<std::uint8_t>(state >> 24);
    }
    return media::test_images::png(noise);
  }();
  return png;
}

std::vector<std::string> stored_photo_keys(const std::filesystem::path& root) {
  std::vector<std::string> keys;
  const auto folder = root / "photos";
  if (!std::filesystem::exists(folder)) return keys;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file()) keys.push_back("photos/" + entry.path().filename().string());
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string key_of_url(const std::string& url) {
  return url.starts_with("/") ? url.substr(1) : url;
}

PhotoClub::PhotoClub()
    : server_(folder_storage(storage_)),
      boss_(add_member(server_, "boss@example.com", "master")),
      anna_(add_member(server_, "anna@example.com", "vraq")),
      bob_(add_member(server_, "bob@example.com", "vraq")),
      boss_token_(login(server_, boss_.email)),
      anna_token_(login(server_, anna_.email)),
      bob_token_(login(server_, bob_.email)) {}

void PhotoClub::TearDown() {
  if (HasFailure()) std::cerr << server_.process().output();
}

Response PhotoClub::upload(const std::string& short_uuid, const std::string& token,
                           const std::string& body) {
  return fetch(server_.port(), http::verb::post, "/api/v1/members/" + short_uuid + "/photos",
               form_headers(token.empty() ? Headers{} : bearer(token)), body);
}

Response PhotoClub::send(http::verb method, const std::string& target, const std::string& token,
                         const nlohmann::json& json) {
  Headers headers = token.empty() ? Headers{} : bearer(token);
  if (json.is_null()) return fetch(server_.port(), method, target, headers);
  return fetch(server_.port(), method, target, json_headers(headers), json.dump());
}

nlohmann::json PhotoClub::anna_uploads(const std::string& visibility) {
  const auto response = upload(anna_.short_uuid, anna_token_, photo_form(test_jpeg(), visibility));
  EXPECT_EQ(response.result_int(), 201U) << response.body();
  return json_body(response);
}

}  // namespace tmeit::test
