// The privacy policy must say what the binary does: the website renders its retention numbers
// from frontend/src/features/privacy/retention.json, and `tmeit backup policy` prints the
// retention the backups and the sign-up clean-up really apply. If someone changes one side
// only, this fails. (tools/manifests checks the production overlay's settings the same way.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/paths.hpp"
#include "support/subprocess.hpp"
#include "support/temp_dir.hpp"

namespace tmeit::test {
namespace {

TEST(PrivacyPolicy, StatesTheRetentionTheBinaryApplies) {
  const auto page = nlohmann::json::parse(read_file(paths::privacy_retention));
  // The Object Lock days are deployment configuration; give the binary the page's value.
  const auto printed = run_tmeit({"backup", "policy"},
                                 {{"TMEIT_BACKUP_OBJECT_LOCK_DAYS",
                                   std::to_string(page.at("backup_object_lock_days").get<int>())}});
  ASSERT_EQ(printed.exit_code, 0) << printed.output;
  EXPECT_EQ(nlohmann::json::parse(printed.out), page)
      << "the website's privacy policy (retention.json) and the backend disagree:\n"
      << printed.out;
}

TEST(PrivacyPolicy, AConfiguredLimitOnMonthlyBackupsIsPrinted) {
  const auto printed = run_tmeit({"backup", "policy"}, {{"TMEIT_BACKUP_MAX_AGE_DAYS", "1825"}});
  ASSERT_EQ(printed.exit_code, 0) << printed.output;
  EXPECT_EQ(nlohmann::json::parse(printed.out).at("backup_max_age_days"), 1825);
}

}  // namespace
}  // namespace tmeit::test
