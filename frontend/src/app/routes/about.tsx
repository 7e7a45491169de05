import { Link } from "react-router";
import { Page } from "@/components/page";

export function AboutPage() {
  return (
    <Page title="About TMEIT">
      <p>
        TMEIT is the <em>klubbmästeri</em> of our university chapter: the students who run its pubs,
        sittings and parties. We plan the events, stand behind the bar, cook, clean up afterwards,
        and have a good time doing it.
      </p>
      <h2>How the club is organised</h2>
      <ul>
        <li>
          <strong>Masters</strong> lead the club and are responsible for it towards the chapter.
        </li>
        <li>
          <strong>Marshals</strong> are elected members who plan and run events.
        </li>
        <li>
          <strong>Vraqs</strong> are active members who have been around for a while.
        </li>
        <li>
          <strong>Praos</strong> are new members, learning the ropes.
        </li>
        <li>
          <strong>Ex-members</strong> have moved on but are always welcome back.
        </li>
      </ul>
      <p>
        Meet them on the <Link to="/team">team</Link> page, or <Link to="/join_tmeit">join us</Link>
        .
      </p>
    </Page>
  );
}
