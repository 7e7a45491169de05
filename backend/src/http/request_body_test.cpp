#include "http/request_body.hpp"

#include "http/errors.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

Request with_body(std::string content_type, std::string body) {
  Request request{bhttp::verb::post, "/", 11};
  if (!content_type.empty()) request.set(bhttp::field::content_type, content_type);
  request.body() = std::move(body);
  return request;
}

Status status_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const ApiError& error) {
    return error.status();
  }
  return Status::ok;
}

TEST(RequestBody, ParsesAJsonObject) {
  const auto body = json_object_body(with_body("application/json; charset=utf-8", R"({"a":1})"));
  EXPECT_EQ(body.at("a"), 1);
}

TEST(RequestBody, RefusesOtherMediaTypesInvalidJsonAndNonObjects) {
  EXPECT_EQ(status_of([] { json_object_body(with_body("text/plain", "{}")); }),
            Status::unsupported_media_type);
  EXPECT_EQ(status_of([] { json_object_body(with_body("application/json", "{")); }),
            Status::bad_request);
  EXPECT_EQ(status_of([] { json_object_body(with_body("application/json", "[1]")); }),
            Status::bad_request);
  EXPECT_EQ(status_of([] { json_object_body(with_body("application/json", "\"\xff\"")); }),
            Status::bad_request);
}

TEST(RequestBody, DecodesFormFields) {
  const auto fields = form_body(with_body("application/x-www-form-urlencoded",
                                          "username=anna%40example.com&password=a+b%26c&x"));
  EXPECT_EQ(fields.at("username"), "anna@example.com");
  EXPECT_EQ(fields.at("password"), "a b&c");
  EXPECT_EQ(fields.at("x"), "");
}

TEST(RequestBody, RefusesBrokenPercentEncoding) {
  EXPECT_EQ(
      status_of([] { form_body(with_body("application/x-www-form-urlencoded", "password=%4")); }),
      Status::bad_request);
}

TEST(RequestBody, UnknownFieldsAre400AndMissingOrNonStringFields422) {
  const nlohmann::json body{{"email", "a@b.se"}, {"extra", 1}, {"count", 2}};
  EXPECT_EQ(status_of([&] {
              reject_unknown_fields(body, {"email", "count"});
            }),
            Status::bad_request);
  EXPECT_EQ(status_of([&] {
              reject_unknown_fields(body, {"email", "count", "extra"});
            }),
            Status::ok);
  EXPECT_EQ(required_string(body, "email"), "a@b.se");
  EXPECT_EQ(status_of([&] { required_string(body, "count"); }), Status::unprocessable_entity);
  EXPECT_EQ(status_of([&] { required_string(body, "missing"); }), Status::unprocessable_entity);
}

TEST(RequestBody, RefusesARepeatedJsonKeyAtAnyDepth) {
  EXPECT_EQ(status_of([] {
              json_object_body(with_body("application/json", R"({"role":"prao","role":"master"})"));
            }),
            Status::bad_request);
  EXPECT_EQ(status_of([] {
              json_object_body(with_body("application/json", R"({"a":[{"b":1,"b":2}]})"));
            }),
            Status::bad_request);
  // The same key in sibling objects is no repetition.
  EXPECT_EQ(status_of([] {
              json_object_body(with_body("application/json", R"({"a":{"b":1},"c":{"b":2}})"));
            }),
            Status::ok);
}

TEST(RequestBody, FormValuesThatAreNotUtf8Are422NamingTheField) {
  try {
    form_body(with_body("application/x-www-form-urlencoded", "username=%ff&password=x"));
    FAIL() << "accepted a username that is not UTF-8";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status(), Status::unprocessable_entity);
    EXPECT_NE(std::string(error.what()).find("username"), std::string::npos) << error.what();
  }
  EXPECT_EQ(
      status_of([] { form_body(with_body("application/x-www-form-urlencoded", "%c3%28=x")); }),
      Status::bad_request);
  EXPECT_EQ(status_of([] {
              form_body(with_body("application/x-www-form-urlencoded", "username=%C3%A5sa"));
            }),
            Status::ok);
}

TEST(RequestBody, RefusesARepeatedFormField) {
  EXPECT_EQ(status_of([] {
              form_body(with_body("application/x-www-form-urlencoded", "username=a&username=b"));
            }),
            Status::bad_request);
}

}  // namespace
}  // namespace tmeit::http
