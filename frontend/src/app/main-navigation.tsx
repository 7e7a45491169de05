import { useState } from "react";
import { NavLink, useLocation } from "react-router";
import { isMaster, useRole } from "@/features/auth/hooks/use-role";

const pages = [
  { to: "/events", label: "Events" },
  { to: "/team", label: "Team" },
  { to: "/join_tmeit", label: "Join TMEIT" },
  { to: "/about", label: "About" },
];

/** The site's main links; on a narrow screen they fold behind a Menu button. */
export function MainNavigation() {
  const [open, setOpen] = useState(false);
  const role = useRole();
  const location = useLocation();
  // Following a link closes the menu on a phone.
  const [seenPath, setSeenPath] = useState(location.pathname);
  if (seenPath !== location.pathname) {
    setSeenPath(location.pathname);
    setOpen(false);
  }

  const links = isMaster(role) ? [...pages, { to: "/master", label: "Master" }] : pages;
  return (
    <nav aria-label="Main" className="main-nav">
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => {
          setOpen(!open);
        }}
      >
        Menu
      </button>
      <ul id="main-menu" className={open ? "open" : undefined}>
        {links.map(({ to, label }) => (
          <li key={to}>
            <NavLink to={to}>{label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
