import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AuditLog } from "@/features/master/components/audit-log";
import type { AuditEntry } from "@/lib/api-types";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";
import { logInForTest } from "@/testing/session";

function entry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: String(id),
    at: "2026-03-01T12:00:00.000Z",
    action: "changed",
    actor: { short_uuid: "Boss0001", name: "Bo Master" },
    member_uuid: "0b6f1a5e-1111-4222-8333-944455556666",
    member: { short_uuid: "AdaAda12", name: "Ada Lovelace" },
    changes: { current_role: { from: "vraq", to: "marshal" } },
    ...overrides,
  };
}

describe("AuditLog", () => {
  it("says who changed what of whose record, and when", async () => {
    logInForTest();
    serveApi({
      "/api/v1/audit_log/": () =>
        jsonResponse([
          entry(3),
          entry(2, { action: "deleted", member: null, changes: {} }),
          entry(1, {
            action: "created",
            actor: null,
            changes: { login_email: { to: "ada@example.com" } },
          }),
        ]),
    });
    renderWithRouter(<AuditLog />);

    const [, changed, erased, added] = await screen.findAllByRole("row");
    const cells = (row: HTMLElement | undefined) => {
      if (row === undefined) throw new Error("row missing");
      return within(row);
    };
    expect(cells(changed).getByText("Bo Master")).toBeVisible();
    expect(cells(changed).getByText("changed: role vraq → marshal")).toBeVisible();
    expect(cells(erased).getByText("an erased member (0b6f1a5e)")).toBeVisible();
    expect(cells(erased).getByText("erased, with everything held about them")).toBeVisible();
    expect(cells(added).getByText("not through the website")).toBeVisible();
    expect(cells(added).getByText("added: email ada@example.com")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Show older" })).not.toBeInTheDocument();
  });

  it("loads older entries page by page", async () => {
    const user = userEvent.setup();
    logInForTest();
    const sent = serveApi({
      "/api/v1/audit_log/": ({ url }) =>
        jsonResponse(
          url.searchParams.get("offset") === "0"
            ? Array.from({ length: 50 }, (_, i) => entry(100 - i))
            : [entry(1)],
        ),
    });
    renderWithRouter(<AuditLog />);

    await user.click(await screen.findByRole("button", { name: "Show older" }));

    expect(await screen.findAllByRole("row")).toHaveLength(52);
    const last = sent.at(-1)?.url;
    expect(last && last.pathname + last.search).toBe("/api/v1/audit_log/?limit=50&offset=50");
  });
});
