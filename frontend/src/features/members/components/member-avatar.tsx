import { Photo } from "@/components/photo";
import { displayName } from "@/features/members/member-fields";
import type { Member } from "@/lib/api-types";

/** "AL" for Ada Lovelace: the first letter of the first and of the last name. */
function initialsOf(member: { first_name: string; last_name: string }): string {
  // Array.from splits by code point, so a name starting with an emoji or "Å" stays whole.
  const first = (name: string) => Array.from(name.trim())[0] ?? "";
  return (first(member.first_name) + first(member.last_name)).toUpperCase();
}

// The width each size is shown at (app/photos.css, .avatar-small and .avatar-large).
const shownAt = { small: "4rem", large: "12rem" } as const;

/**
 * A member's primary photo, square and round, or their initials when they have none (or none the
 * viewer may see). The initials are decoration: the name is always beside them.
 */
export function MemberAvatar({ member, size }: { member: Member; size: "small" | "large" }) {
  const className = `avatar avatar-${size}`;
  if (!member.photo) {
    return (
      <span className={`${className} avatar-initials`} aria-hidden="true">
        {initialsOf(member)}
      </span>
    );
  }
  return (
    <Photo
      urls={member.photo}
      alt={`Photo of ${displayName(member)}`}
      sizes={shownAt[size]}
      width={256}
      height={256}
      className={className}
    />
  );
}
