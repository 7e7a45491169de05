import { Page } from "@/components/page";
import { JoinForm } from "@/features/sign-ups/components/join-form";

export function JoinTmeitPage() {
  return (
    <Page title="Join TMEIT">
      <p>
        New members join as <em>prao</em>: you work at our pubs and parties alongside the rest of
        the club, learn the ropes (cleaning, party and liquor permit trainings) and, once you have
        found your feet, become a vraq or run for marshal. No experience needed.
      </p>
      <p>
        Fill in the form below. A master looks at every application; when yours is approved you get
        an email and can log in with the email and password you choose here.
      </p>
      <JoinForm />
    </Page>
  );
}
