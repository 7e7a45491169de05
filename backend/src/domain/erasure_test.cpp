#include "domain/erasure.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

TEST(ErasureLedger, KeyRoundTrips) {
  const Erasure erasure{"sign_up", "0f8fad5b-d9cb-469f-a165-70867728950e", "20261128T063000.123Z"};
  EXPECT_EQ(
      ledger_key(erasure),
      "backups/erasures/20261128T063000.123Z-sign_up-0f8fad5b-d9cb-469f-a165-70867728950e.json");
  const auto parsed = parse_ledger_key(ledger_key(erasure));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->kind, "sign_up");
  EXPECT_EQ(parsed->subject_uuid, "0f8fad5b-d9cb-469f-a165-70867728950e");
  EXPECT_EQ(parsed->erased_at, "20261128T063000.123Z");
}

TEST(ErasureLedger, OtherKeysAreNotErasures) {
  for (const char* key : {
           "backups/erasures/20261128T063000.123Z-admin-0f8fad5b-d9cb-469f-a165-70867728950e.json",
           "backups/erasures/20261128T063000Z-member-0f8fad5b-d9cb-469f-a165-70867728950e.json",
           "backups/erasures/20261128T063000.123Z-member-0F8FAD5B-d9cb-469f-a165-70867728950e.json",
           "backups/erasures/20261128T063000.123Z-member-0f8fad5b.json",
           "backups/2026/11/28/tmeit-20261128T063000Z.dump.age",
       }) {
    EXPECT_FALSE(parse_ledger_key(key)) << key;
  }
}

TEST(ErasureLedger, BodyNamesOnlyKindUuidAndTime) {
  EXPECT_EQ(ledger_body({"member", "0f8fad5b-d9cb-469f-a165-70867728950e", "20261128T063000.123Z"}),
            R"({"erased_at":"20261128T063000.123Z","kind":"member",)"
            R"("uuid":"0f8fad5b-d9cb-469f-a165-70867728950e"})");
}

}  // namespace
}  // namespace tmeit::domain
