#include "http/multipart.hpp"

#include "http/errors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tmeit::http {
namespace {

const MultipartLimits limits{};

// The status parse_multipart answers `body` with (200 when it parses).
unsigned status_of(const std::string& body, const MultipartLimits& with = limits) {
  try {
    parse_multipart(body, "XyZ", with);
  } catch (const ApiError& error) {
    return static_cast<unsigned>(error.status());
  }
  return 200;
}

std::string file_part(const std::string& name, const std::string& data) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name +
         "\"; filename=\"IMG_0001.HEIC\"\r\nContent-Type: image/heic\r\n\r\n" + data + "\r\n";
}

std::string text_part(const std::string& name, const std::string& value) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
}

TEST(Multipart, ParsesOneFileAndTextFields) {
  std::string data("\xFF\xD8\xFF\0binary\r\n--XY\r\nstill data", 28);
  auto body = "preamble to ignore\r\n" + file_part("file", data) +
              text_part("visibility", "members") + "--XyZ--\r\nepilogue";
  auto form = parse_multipart(body, "XyZ", limits);
  const auto& file = required_file(form, "file");
  EXPECT_EQ(file.filename, "IMG_0001.HEIC");
  EXPECT_EQ(file.content_type, "image/heic");
  EXPECT_EQ(file.data, data);
  EXPECT_EQ(form.fields.at("visibility"), "members");
}

TEST(Multipart, ReadsTheBoundaryFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk"),
            "----WebKitFormBoundary7MA4YWxk");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;charset=utf-8; Boundary=\"a b:c\""), "a b:c");
}

TEST(Multipart, AMissingOrBadBoundaryIsA400AndAnotherTypeA415) {
  auto status = [](std::string_view content_type) {
    try {
      multipart_boundary(content_type);
    } catch (const ApiError& error) {
      return static_cast<unsigned>(error.status());
    }
    return 200u;
  };
  EXPECT_EQ(status("multipart/form-data"), 400u);
  EXPECT_EQ(status("multipart/form-data; boundary="), 400u);
  EXPECT_EQ(status("multipart/form-data; boundary=\"unclosed"), 400u);
  EXPECT_EQ(status("multipart/form-data; boundary=" + std::string(71, 'a')), 400u);
  EXPECT_EQ(status("multipart/form-data; boundary=a\x01"), 400u);
  EXPECT_EQ(status("image/jpeg"), 415u);
  EXPECT_EQ(status(""), 415u);
}

TEST(Multipart, TwoFilesAreRefusedNamingTheField) {
  auto body = file_part("file", "one") + file_part("file", "two") + "--XyZ--";
  try {
    parse_multipart(body, "XyZ", limits);
    FAIL() << "two files were accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(static_cast<unsigned>(error.status()), 422u);
    EXPECT_EQ(std::string(error.what()), "file: only one file per upload");
  }
}

TEST(Multipart, AFieldOrFileOverItsLimitIsRefused) {
  MultipartLimits small{.max_file_bytes = 10, .max_field_bytes = 5};
  EXPECT_EQ(status_of(text_part("caption", "123456") + "--XyZ--", small), 422u);
  EXPECT_EQ(status_of(text_part("caption", "12345") + "--XyZ--", small), 200u);
  EXPECT_EQ(status_of(file_part("file", "12345678901") + "--XyZ--", small), 413u);
  EXPECT_EQ(status_of(file_part("file", "1234567890") + "--XyZ--", small), 200u);
}

TEST(Multipart, BrokenBodiesAreA400) {
  auto file = file_part("file", "data");
  EXPECT_EQ(status_of(""), 400u);                              // no boundary at all
  EXPECT_EQ(status_of(file), 400u);                            // no closing boundary
  EXPECT_EQ(status_of(file.substr(0, 40)), 400u);              // cut inside the header
  EXPECT_EQ(status_of("--XyZ\r\n\r\ndata\r\n--XyZ--"), 400u);  // no Content-Disposition
  EXPECT_EQ(status_of("--XyZ\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--XyZ--"),
            400u);
  EXPECT_EQ(status_of("--XyZjunk\r\n" + file.substr(7) + "--XyZ--"), 400u);
  EXPECT_EQ(status_of(text_part("a", "1") + text_part("a", "2") + "--XyZ--"), 400u);
  EXPECT_EQ(status_of(text_part("a", "\xC3\x28") + "--XyZ--"), 422u);
  EXPECT_EQ(status_of(text_part("\xFF", "1") + "--XyZ--"), 400u);
}

TEST(Multipart, TooManyPartsAreRefused) {
  std::string body;
  for (int i = 0; i < 17; ++i) body += text_part("f" + std::to_string(i), "x");
  EXPECT_EQ(status_of(body + "--XyZ--"), 400u);
}

TEST(Multipart, AMissingFileIsA422NamingTheField) {
  auto form = parse_multipart(text_part("visibility", "public") + "--XyZ--", "XyZ", limits);
  try {
    required_file(form, "file");
    FAIL() << "no file was accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(static_cast<unsigned>(error.status()), 422u);
    EXPECT_EQ(std::string(error.what()), "file: a file is required");
  }
}

}  // namespace
}  // namespace tmeit::http
