import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TestEmailForm } from "@/features/master/components/test-email-form";
import { jsonResponse, serveApi, type SentRequest } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";

describe("TestEmailForm", () => {
  it("queues a test mail to oneself when no address is given", async () => {
    const user = userEvent.setup();
    const sent: SentRequest[] = [];
    serveApi({
      "POST /api/v1/members/send_test_email": (request) => {
        sent.push(request);
        return jsonResponse({ status: "queued", to: "admin@tmeit.local", job_id: 7 }, 202);
      },
    });
    renderWithQueryClient(<TestEmailForm />);

    await user.click(screen.getByRole("button", { name: "Send test email" }));

    expect(await screen.findByText("A test mail to admin@tmeit.local is queued.")).toBeVisible();
    expect(sent[0]?.body).toEqual({});
  });
});
