import type { Photo, PhotoUrls } from "@/lib/api-types";

/** The URLs of a stored photo's three sizes, as the API sends them. */
export function photoUrls(name: string): PhotoUrls {
  return {
    "256": `/photos/${name}-256.webp`,
    "1024": `/photos/${name}-1024.webp`,
    "2048": `/photos/${name}-2048.webp`,
  };
}

/** A photo as the API sends it, with whatever the test changes. */
export function aPhoto(overrides: Partial<Photo> = {}): Photo {
  return {
    id: "9d7e5c1a-2222-4333-8444-955566667777",
    visibility: "members",
    primary: false,
    width: 2048,
    height: 1536,
    created_at: "2026-11-20T18:00:00+00:00",
    urls: photoUrls("a"),
    ...overrides,
  };
}

/**
 * A file of 64 KiB as a picker or a drop hands it over; `size` pretends another size without the
 * bytes. (In the tests, `File` is Node's: ./setup.ts.)
 */
export function aFile(name: string, type: string, size?: number): File {
  const bytes = new Uint8Array(64 * 1024).fill(7);
  const file = new File([bytes], name, { type });
  if (size !== undefined) Object.defineProperty(file, "size", { value: size });
  return file;
}
