import { useRef, useState } from "react";
import { Link } from "react-router";
import { useMe } from "@/features/auth/api/get-me";
import { LoginDialog } from "@/features/auth/components/login-dialog";
import { useIsLoggedIn, useSessionNotice } from "@/features/auth/hooks/use-session";
import { clearAccessToken, dismissSessionNotice } from "@/lib/session";

/** The header's corner: "Log in" for visitors; the member's name and "Log out" for members. */
export function AccountMenu() {
  const loggedIn = useIsLoggedIn();
  const notice = useSessionNotice();
  const me = useMe();
  const [dialogOpen, setDialogOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // A login or logout (also one the server forces) closes the dialog.
  const [seenLoggedIn, setSeenLoggedIn] = useState(loggedIn);
  if (seenLoggedIn !== loggedIn) {
    setSeenLoggedIn(loggedIn);
    setDialogOpen(false);
  }

  function closeDialog() {
    setDialogOpen(false);
    // Focus goes back where it was; after a login the button is gone, so the page keeps it.
    opener.current?.focus();
  }

  if (loggedIn) {
    return (
      <div className="account">
        {me.data ? (
          <Link to={`/profile/${me.data.short_uuid}`}>
            {me.data.nickname ?? me.data.first_name}
          </Link>
        ) : (
          <span aria-busy={me.isPending}>{me.isError ? "Account unavailable" : "…"}</span>
        )}
        <button
          type="button"
          onClick={() => {
            clearAccessToken();
          }}
        >
          Log out
        </button>
      </div>
    );
  }
  return (
    <div className="account">
      {notice && (
        <p className="session-notice" role="alert">
          {notice}{" "}
          <button type="button" className="link-button" onClick={dismissSessionNotice}>
            Dismiss
          </button>
        </p>
      )}
      <button
        ref={opener}
        type="button"
        onClick={() => {
          setDialogOpen(true);
        }}
      >
        Log in
      </button>
      {dialogOpen && <LoginDialog onClose={closeDialog} />}
    </div>
  );
}
