#include "http/errors.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

using nlohmann::json;

json body_of(const Response& response) {
  return json::parse(response.body());
}

TEST(Errors, ValidationProblemsAreListedTheWayFastApiDoes) {
  const ValidationError error(json{{"login_email", "is required"},
                                   {"phone", "must be a string"},
                                   {"first_name", "must not be empty"}});
  EXPECT_EQ(error.status(), Status::unprocessable_entity);
  EXPECT_EQ(error.detail(), json::parse(R"([
              {"loc": ["body", "first_name"], "msg": "must not be empty", "type": "value_error"},
              {"loc": ["body", "login_email"], "msg": "is required", "type": "value_error.missing"},
              {"loc": ["body", "phone"], "msg": "must be a string", "type": "type_error"}])"));
  EXPECT_STREQ(error.what(),
               "first_name: must not be empty; login_email: is required; phone: must be a string");
}

TEST(Errors, AQueryParameterIsLocatedInTheQuery) {
  const auto error = invalid_field("limit", "must be a whole number", "query");
  EXPECT_EQ(error.detail().at(0).at("loc"), json({"query", "limit"}));
  EXPECT_STREQ(error.what(), "limit: must be a whole number");
}

TEST(Errors, AnUnknownFieldIsA400NamingIt) {
  const auto error = unknown_field("current_role", "unknown field: current_role");
  EXPECT_EQ(error.status(), Status::bad_request);
  EXPECT_EQ(error.detail(), json::parse(R"([{"loc": ["body", "current_role"],
      "msg": "unknown field: current_role", "type": "value_error.extra"}])"));
}

TEST(Errors, WithoutDetailTheBodyRepeatsTheMessageAsFastApiDoes) {
  const Request request{bhttp::verb::get, "/", 11};
  const auto response = error_response(request, Status::not_found, "no such member");
  EXPECT_EQ(body_of(response), json({{"error", "no such member"}, {"detail", "no such member"}}));
  EXPECT_EQ(response[bhttp::field::content_type], "application/json");
}

TEST(Errors, DeletionsAnswerWithWhatWasDeleted) {
  EXPECT_EQ(deleted_json("uuid", "u-1"), json({{"status", "deleted"}, {"uuid", "u-1"}}));
}

}  // namespace
}  // namespace tmeit::http
