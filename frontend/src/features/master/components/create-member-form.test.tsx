import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CreateMemberForm } from "@/features/master/components/create-member-form";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi, type SentRequest } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";

describe("CreateMemberForm", () => {
  it("creates a member with the role chosen and only the fields filled in", async () => {
    const user = userEvent.setup();
    const sent: SentRequest[] = [];
    serveApi({
      "POST /api/v1/members/create": (request) => {
        sent.push(request);
        return jsonResponse(aMember({ first_name: "Vera" }));
      },
    });
    renderWithQueryClient(<CreateMemberForm />);

    await user.type(screen.getByLabelText("Email"), "vera@example.com");
    await user.type(screen.getByLabelText("First name"), "Vera");
    await user.type(screen.getByLabelText("Last name"), "Vraq");
    await user.selectOptions(screen.getByLabelText("Role"), "vraq");
    await user.click(screen.getByRole("button", { name: "Create member" }));

    expect(await screen.findByText(/Vera is a member now/)).toBeVisible();
    expect(sent[0]?.body).toEqual({
      login_email: "vera@example.com",
      first_name: "Vera",
      last_name: "Vraq",
      current_role: "vraq",
    });
  });

  it("shows a taken email as the server says", async () => {
    const user = userEvent.setup();
    serveApi({
      "POST /api/v1/members/create": () =>
        jsonResponse({ error: "a member with this email already exists" }, 409),
    });
    renderWithQueryClient(<CreateMemberForm />);

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("First name"), "Ada");
    await user.type(screen.getByLabelText("Last name"), "L");
    await user.click(screen.getByRole("button", { name: "Create member" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not saved: a member with this email already exists",
    );
  });
});
