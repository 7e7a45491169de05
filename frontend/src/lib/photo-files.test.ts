import { photoFileProblem } from "@/lib/photo-files";
import { aFile } from "@/testing/photos";

describe("photoFileProblem", () => {
  it("takes JPEG, PNG, WebP and HEIC by their type", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"]) {
      expect(photoFileProblem(aFile("photo", type))).toBeUndefined();
    }
  });

  it("takes a HEIC file the phone gave no type, by its name", () => {
    expect(photoFileProblem(aFile("IMG_0042.HEIC", ""))).toBeUndefined();
  });

  it("refuses what is no photo we take, naming the file", () => {
    expect(photoFileProblem(aFile("party.gif", "image/gif"))).toBe(
      "“party.gif” is not a photo the site takes: choose a JPEG, PNG, WebP or HEIC file.",
    );
    expect(photoFileProblem(aFile("minutes.pdf", "application/pdf"))).toMatch(/not a photo/);
  });

  it("refuses a file over 15 MB and an empty one", () => {
    expect(photoFileProblem(aFile("big.jpg", "image/jpeg", 15 * 1024 * 1024))).toBeUndefined();
    expect(photoFileProblem(aFile("big.jpg", "image/jpeg", 15 * 1024 * 1024 + 1))).toBe(
      "“big.jpg” is 15.0 MB: a photo may be at most 15 MB.",
    );
    expect(photoFileProblem(aFile("huge.jpg", "image/jpeg", 20 * 1024 * 1024))).toBe(
      "“huge.jpg” is 20.0 MB: a photo may be at most 15 MB.",
    );
    expect(photoFileProblem(aFile("empty.png", "image/png", 0))).toBe("“empty.png” is empty.");
  });
});
