import facts from "./retention.json";

/**
 * How long we keep what, as the privacy policy states it. The backend proves it keeps to the
 * same numbers: `tmeit backup policy` must print exactly retention.json (integration test
 * PrivacyPolicy), and the production overlay must configure them (tools/manifests).
 */
export interface Retention {
  backup_interval_hours: number;
  backup_keep_all_days: number;
  backup_keep_daily_days: number;
  /** null: the monthly backups are kept as long as the club exists. */
  backup_max_age_days: number | null;
  backup_object_lock_days: number;
  sign_up_ip_days: number;
}

export const retention: Retention = facts;
