// What the server takes as a photo (docs/photos.md): JPEG, PNG, WebP or HEIC, at most 15 MiB. The
// server recognises the format by its bytes; the name and type checked here are only a hint, so
// that a phone user learns at once, before minutes of uploading, that a file will be refused.

/** The server's limit on the file of an upload (backend/src/http/multipart.hpp). */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

const photoTypes = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
// Phones and some desktops give HEIC files no type: the extension is the other hint.
const photoExtensions = [".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"];

/** For a file input's `accept`: the picker offers photos first. */
export const PHOTO_ACCEPT = [...photoTypes, ...photoExtensions].join(",");

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Why `file` would be refused as a photo, or undefined when it may be sent. */
export function photoFileProblem(file: File): string | undefined {
  const name = file.name.toLowerCase();
  const looksLikePhoto =
    photoTypes.includes(file.type.toLowerCase()) ||
    photoExtensions.some((extension) => name.endsWith(extension));
  if (!looksLikePhoto) {
    return `“${file.name}” is not a photo the site takes: choose a JPEG, PNG, WebP or HEIC file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_PHOTO_BYTES) {
    return `“${file.name}” is ${megabytes(file.size)} MB: a photo may be at most 15 MB.`;
  }
  return undefined;
}
