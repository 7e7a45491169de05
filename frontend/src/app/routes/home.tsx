import { Link } from "react-router";
import { Page } from "@/components/page";
import { EventList } from "@/features/events/components/event-list";

export function HomePage() {
  return (
    <Page title="Welcome to TMEIT">
      <p>
        TMEIT is a <em>klubbmästeri</em>: the club that runs the pubs and parties of our university
        chapter. Members plan the events, stand behind the bar and cook, and have a good time doing
        it.
      </p>
      <p>
        See what is coming up on the <Link to="/events">events</Link> page, meet the{" "}
        <Link to="/team">team</Link>, or <Link to="/join_tmeit">join TMEIT</Link> as a prao.
      </p>
      <section aria-labelledby="coming-up">
        <h2 id="coming-up">Coming up</h2>
        <EventList upcoming publicOnly limit={12} empty="Nothing planned yet: check back soon." />
      </section>
    </Page>
  );
}
