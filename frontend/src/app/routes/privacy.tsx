import { Page } from "@/components/page";

export function PrivacyPage() {
  return (
    <Page title="Privacy policy">
      <p>
        TMEIT keeps personal data only to run the club. This page says what we keep, why, for how
        long, and what your rights are under the EU General Data Protection Regulation (GDPR).
      </p>
      <h2>What we keep and why</h2>
      <ul>
        <li>
          <strong>Members:</strong> name, nickname, email, phone, role, whether you have a
          driver&apos;s license, the dates of your trainings and permits, and profile photos. We
          need them to staff events and to reach you (legal basis: your membership).
        </li>
        <li>
          <strong>Applications to join:</strong> what you fill in on the join form and the internet
          address you send it from, to handle your application and to stop abuse (legal basis: your
          consent, given on the form). The address is erased after 30 days; an application is
          deleted when a master turns it down, and becomes your member record when approved.
        </li>
        <li>
          <strong>Passwords</strong> are stored only as a one-way hash (argon2id), never readable.
        </li>
      </ul>
      <h2>Who sees it</h2>
      <p>
        Everyone sees members&apos; names, nicknames, roles and photos. Only logged-in members see
        email, phone and training dates. Masters see and manage everything. We never sell or hand
        over your data to third parties; email is sent through our mail provider.
      </p>
      <h2>How long we keep it</h2>
      <p>
        Your member record stays while you are a member or ex-member; ask a master to delete it at
        any time.
      </p>
      <h3>Backups</h3>
      <p>The database is backed up every hour. Backups are kept like this:</p>
      <ul>
        <li>every backup is kept for a month;</li>
        <li>after a month, only the first backup of each day is kept, for a year;</li>
        <li>after a year, only the first backup of each month is kept.</li>
      </ul>
      <p>
        So data you delete disappears from the live site at once, and from the backups as they
        expire under this schedule.
      </p>
      <h2>Mail, limits and the change log</h2>
      <p>
        Mail we send you (a password reset link, say) waits in a queue until it is sent, and is
        deleted 7 days after. To stop password guessing we count attempts to log in, sign up or
        reset a password, under a one-way hash of the email or internet address, for at most an
        hour. A change log records who changed whose role, training dates, permits or email, and who
        added or erased whom, and when; masters read it. You can download everything we hold about
        you as a file from your profile page; when a member is erased, their record, their mail and
        the old values in the change log go with it.
      </p>
      <h2>Your rights</h2>
      <p>
        You may ask to see the data we hold about you, have it corrected or deleted, take back your
        consent, or object to how we use it. Ask any master. You may also complain to the Swedish
        Authority for Privacy Protection (IMY).
      </p>
    </Page>
  );
}
