import { fireEvent, render, screen } from "@testing-library/react";
import { PhotoDrop } from "@/components/photo-drop";
import { aFile } from "@/testing/photos";

function renderDrop(props: Partial<Parameters<typeof PhotoDrop>[0]> = {}) {
  const onFile = vi.fn();
  render(
    <PhotoDrop
      label="Add a photo"
      onFile={onFile}
      pending={false}
      progress={undefined}
      error={null}
      {...props}
    />,
  );
  return onFile;
}

describe("PhotoDrop", () => {
  it("shows how much of the upload is sent", () => {
    renderDrop({ pending: true, progress: { sent: 2_600_000, total: 6_500_000 } });

    const bar = screen.getByRole("progressbar", { name: "Upload progress" });
    expect((bar as HTMLProgressElement).value).toBe(40);
    expect(screen.getByRole("status")).toHaveTextContent("Uploading… 40%");
    expect(screen.getByLabelText("Add a photo")).toBeDisabled();
  });

  it("hands over a dropped photo, and refuses two at once", () => {
    const onFile = renderDrop();
    const zone = screen.getByLabelText("Add a photo").closest(".photo-drop");
    if (!zone) throw new Error("no drop zone");
    const photo = aFile("me.heic", "");

    fireEvent.drop(zone, { dataTransfer: { files: [photo, aFile("you.jpg", "image/jpeg")] } });
    expect(screen.getByRole("alert")).toHaveTextContent("Add one photo at a time.");
    fireEvent.drop(zone, { dataTransfer: { files: [photo] } });

    expect(onFile).toHaveBeenCalledTimes(1);
    expect(onFile).toHaveBeenCalledWith(photo);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
