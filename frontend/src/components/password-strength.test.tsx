import { render, screen } from "@testing-library/react";
import { PasswordStrength } from "@/components/password-strength";

describe("PasswordStrength", () => {
  it("calls a common password too weak to be accepted", async () => {
    render(<PasswordStrength password="password" />);

    expect(await screen.findByText(/Strength: very weak/)).toHaveTextContent(
      "(too weak to be accepted)",
    );
    expect(screen.getByRole("meter", { name: "Password strength" })).toHaveAttribute("value", "0");
  });

  it("calls a long unusual passphrase very strong", async () => {
    render(<PasswordStrength password="tangerine violin harbour quietly" />);

    expect(await screen.findByText("Strength: very strong")).toBeVisible();
  });

  it("shows nothing before anything is typed", () => {
    const { container } = render(<PasswordStrength password="" />);

    expect(container).toBeEmptyDOMElement();
  });
});
