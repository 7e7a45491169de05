import { render, screen } from "@testing-library/react";
import { MemberAvatar } from "@/features/members/components/member-avatar";
import { aMember } from "@/testing/members";
import { photoUrls } from "@/testing/photos";

describe("MemberAvatar", () => {
  it("shows the primary photo in the size the screen needs, lazily, in a box of its own", () => {
    render(<MemberAvatar member={aMember({ photo: photoUrls("ada") })} size="small" />);

    const photo = screen.getByRole("img", { name: "Photo of Ada Lovelace" });
    expect(photo).toHaveAttribute(
      "srcset",
      "/photos/ada-256.webp 256w, /photos/ada-1024.webp 1024w, /photos/ada-2048.webp 2048w",
    );
    expect(photo).toHaveAttribute("sizes", "4rem");
    expect(photo).toHaveAttribute("src", "/photos/ada-1024.webp");
    expect(photo).toHaveAttribute("loading", "lazy");
    expect(photo).toHaveAttribute("width", "256");
    expect(photo).toHaveAttribute("height", "256");
    expect(photo).toHaveClass("avatar", "avatar-small");
  });

  it("shows the initials when the member has no photo (or none the viewer may see)", () => {
    const { container } = render(<MemberAvatar member={aMember({ photo: null })} size="large" />);

    expect(screen.queryByRole("img")).not.toBeInTheDocument();
    expect(screen.getByText("AL")).toHaveClass("avatar", "avatar-large", "avatar-initials");
    expect(container.firstElementChild).toHaveAttribute("aria-hidden", "true");
  });

  it("takes whole letters for the initials, whatever the alphabet", () => {
    render(
      <MemberAvatar member={aMember({ first_name: "åsa", last_name: "Öberg" })} size="small" />,
    );

    expect(screen.getByText("ÅÖ")).toBeVisible();
  });
});
