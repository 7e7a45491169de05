import { render, screen } from "@testing-library/react";

import type { Retention } from "@/features/privacy/retention";
import { BackupRetention } from "./backup-retention";
import { PrivacyPolicy } from "./privacy-policy";

describe("PrivacyPolicy", () => {
  it("states the backup retention the backend keeps to", () => {
    render(<PrivacyPolicy />);

    expect(screen.getByText(/a copy of the whole database is made every hour/)).toBeVisible();
    expect(screen.getByText("every copy for 31 days;")).toBeVisible();
    expect(
      screen.getByText(/then only the first copy of each day, until the copy is 365 days/),
    ).toBeVisible();
    expect(
      screen.getByText(/only the first copy of each month, for as long as the club exists/),
    ).toBeVisible();
    expect(screen.getByText(/cannot be deleted or changed by anyone for 14 days/)).toBeVisible();
    expect(screen.getByText(/The address is erased after 30 days/)).toBeVisible();
  });

  it("explains that a restore never brings an erased person back", () => {
    render(<PrivacyPolicy />);

    expect(screen.getByRole("heading", { name: "What deleting means for backups" })).toBeVisible();
    expect(screen.getByText(/every restore deletes everyone on the list again/)).toBeVisible();
  });

  it("states a limit on the monthly backups when one is configured", () => {
    const limited: Retention = {
      backup_interval_hours: 1,
      backup_keep_all_days: 31,
      backup_keep_daily_days: 365,
      backup_max_age_days: 1825,
      backup_object_lock_days: 14,
      sign_up_ip_days: 30,
    };
    render(<BackupRetention retention={limited} />);

    expect(screen.getByText(/until it is 1825 days old; then it is deleted/)).toBeVisible();
  });
});
