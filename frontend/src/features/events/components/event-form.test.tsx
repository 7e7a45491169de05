import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EventForm } from "@/features/events/components/event-form";
import { ApiError } from "@/lib/api-client";
import { anEvent } from "@/testing/events";

describe("EventForm", () => {
  it("sends the times typed in local time as UTC", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<EventForm submitLabel="Create" pending={false} error={null} onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText("Title"), "Glögg party");
    await user.type(screen.getByLabelText("Starts (local time)"), "2026-12-10T19:00");
    await user.selectOptions(screen.getByLabelText("Who may see it"), "public");
    await user.click(screen.getByRole("button", { name: "Create" }));

    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        title: "Glögg party",
        event_start: "2026-12-10T18:00:00.000Z",
        event_end: null,
        visibility: "public",
      }),
    );
  });

  it("fills in an existing event in local time", () => {
    render(
      <EventForm
        event={anEvent({ event_start: "2026-07-01T16:00:00Z", title: "Summer pub" })}
        submitLabel="Save"
        pending={false}
        error={null}
        onSubmit={vi.fn()}
      />,
    );

    expect(screen.getByLabelText("Title")).toHaveValue("Summer pub");
    expect(screen.getByLabelText("Starts (local time)")).toHaveValue("2026-07-01T18:00");
  });

  it("shows the server's problems beside their fields", () => {
    const error = new ApiError(422, "validation failed", [
      { loc: ["body", "event_end"], msg: "is before the start", type: "value_error" },
    ]);
    render(<EventForm submitLabel="Save" pending={false} error={error} onSubmit={vi.fn()} />);

    expect(screen.getByLabelText("Ends (local time, optional)")).toHaveAccessibleDescription(
      "is before the start",
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
