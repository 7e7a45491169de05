#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/club.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {

/// One part of a multipart/form-data body: a file when `filename` is set, else a text field.
struct FormPart {
  std::string name;
  std::string data;
  std::string filename;
  std::string content_type = "application/octet-stream";
};

/// The boundary form_body and form_headers use.
inline constexpr const char* form_boundary = "tmeit-test-boundary-7Hq2";

/// `parts` as a multipart/form-data body (RFC 7578) with form_boundary.
std::string form_body(const std::vector<FormPart>& parts);
/// `headers` plus Content-Type: multipart/form-data with form_boundary.
Headers form_headers(Headers headers);
/// A form with one file `data` in the field `file`, and `visibility` when not empty.
std::string photo_form(const std::string& data, const std::string& visibility = {});

/// Test photos made by the libraries' own encoders (media/test_images.hpp): a 1200×800 JPEG
/// (three different stored sizes), and a 1500×1000 PNG of noise, over 1 MB.
const std::string& test_jpeg();
const std::string& large_noise_png();

/// The object files of a folder store under `root`, as keys ("photos/<hash>.webp"), sorted.
std::vector<std::string> stored_photo_keys(const std::filesystem::path& root);

/// The key a photo URL names ("/photos/<hash>.webp" → "photos/<hash>.webp").
std::string key_of_url(const std::string& url);

/// A test server whose photos go to a folder of its own, with a master (boss@example.com), a
/// vraq (anna@example.com) and another vraq (bob@example.com), all logged in.
class PhotoClub : public ::testing::Test {
 protected:
  PhotoClub();
  void TearDown() override;

  /// POST /api/v1/members/{short_uuid}/photos with `body` as `token` (empty: not logged in).
  Response upload(const std::string& short_uuid, const std::string& token, const std::string& body);
  /// A request with `token` as bearer (empty: none) and a JSON body when `json` is not null.
  Response send(http::verb method, const std::string& target, const std::string& token,
                const nlohmann::json& json = nullptr);
  /// Uploads test_jpeg() for anna (as anna) and returns the photo JSON; fails the test
  /// unless it is a 201.
  nlohmann::json anna_uploads(const std::string& visibility = {});

  TempDir storage_;
  TestServer server_;
  TestMember boss_;
  TestMember anna_;
  TestMember bob_;
  std::string boss_token_;
  std::string anna_token_;
  std::string bob_token_;
};

}  // namespace tmeit::test
