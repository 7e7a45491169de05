import type { Retention } from "@/features/privacy/retention";

/** The backup part of the privacy policy, in words a member understands. */
export function BackupRetention({ retention }: { retention: Retention }) {
  const months = Math.round(retention.backup_keep_daily_days / 30.4);
  return (
    <section aria-labelledby="privacy-backups">
      <h3 id="privacy-backups">Backups</h3>
      <p>
        So that a broken server or a mistake cannot lose the club&apos;s data, a copy of the whole
        database is made every {hours(retention.backup_interval_hours)}. The copies are encrypted
        before they leave our server, with keys only the masters hold, so the storage company cannot
        read them. We keep them like this:
      </p>
      <ul>
        <li>every copy for {retention.backup_keep_all_days} days;</li>
        <li>
          then only the first copy of each day, until the copy is {retention.backup_keep_daily_days}{" "}
          days (about {months} months) old;
        </li>
        <li>{monthlyRule(retention.backup_max_age_days)}</li>
      </ul>
      <p>
        New copies cannot be deleted or changed by anyone for {retention.backup_object_lock_days}{" "}
        days, so that an attacker cannot destroy them either.
      </p>
      <h3 id="privacy-erasure">What deleting means for backups</h3>
      <p>
        When your member record or your application is deleted, it disappears from the site at once.
        Older copies of the database still contain it until they expire under the schedule above; we
        never read them except to restore the site after a disaster. To make sure such a restore
        never brings you back, every deletion is also written to an erasure list kept beside the
        backups. It holds only a random identifier of the deleted record, nothing else about you,
        and every restore deletes everyone on the list again before the site goes back online.
      </p>
    </section>
  );
}

function hours(count: number): string {
  return count === 1 ? "hour" : `${count} hours`;
}

function monthlyRule(maxAgeDays: number | null): string {
  if (maxAgeDays === null) {
    return "after that, only the first copy of each month, for as long as the club exists (the club's history).";
  }
  return `after that, only the first copy of each month, until it is ${maxAgeDays} days old; then it is deleted.`;
}
