import { Page } from "@/components/page";

import { retention } from "@/features/privacy/retention";
import { BackupRetention } from "./backup-retention";

/**
 * The privacy policy (/privacy): what we keep, why, for how long, and your rights. docs/gdpr.md
 * is the same text for the club's records. Each kind of data has its own list item, so changes
 * to one stay apart from the others.
 */
export function PrivacyPolicy() {
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
          consent, given on the form). The address is erased after {retention.sign_up_ip_days} days;
          an application is deleted when a master turns it down, and becomes your member record when
          approved.
        </li>
        <li>
          <strong>Passwords</strong> are stored only as a one-way hash (argon2id), never readable.
        </li>
        <li>
          <strong>Emails we send you</strong> (password reset links, notices about your application)
          wait in a queue until they are delivered. A reset link works once, for a short time; after
          that it is useless even to someone who finds the email. Sent mail is deleted 7 days after
          it is sent.
        </li>
        <li>
          <strong>Limits:</strong> to stop password guessing we count attempts to log in, sign up or
          reset a password, under a one-way hash of the email or internet address, for at most an
          hour.
        </li>
        <li>
          <strong>Change log:</strong> who changed whose role, training dates, permits or email, and
          who added or erased whom, and when. Masters read it; when a member is erased, the old
          values about them go, and only that someone was erased stays.
        </li>
        <li>
          <strong>Photos</strong> you upload are kept in our file storage until you or a master
          delete them, and are deleted with your member record.
        </li>
        <li>
          <strong>Server logs</strong> record which page was asked for, when, and from which
          internet address, to find faults and stop abuse. They never contain passwords.
        </li>
      </ul>
      <h2>Who sees it</h2>
      <p>
        Everyone sees members&apos; names, nicknames, roles and photos. Only logged-in members see
        email, phone and training dates. Masters see and manage everything. We never sell or hand
        over your data to third parties; email is sent through our mail provider, and the encrypted
        backups are stored with a storage company that cannot read them.
      </p>
      <h2>How long we keep it</h2>
      <p>
        Your member record stays while you are a member or ex-member; ask a master to delete it at
        any time.
      </p>
      <BackupRetention retention={retention} />
      <h2>Your rights</h2>
      <p>
        You may ask to see the data we hold about you, have it corrected or deleted, take back your
        consent, or object to how we use it. Ask any master. You can also download everything we
        hold about you as a file from your profile page. You may also complain to the Swedish
        Authority for Privacy Protection (IMY).
      </p>
    </Page>
  );
}
