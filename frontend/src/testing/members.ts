import type { MemberAsMaster } from "@/lib/api-types";

/** A member as a master sees them (every field), with whatever the test changes. */
export function aMember(overrides: Partial<MemberAsMaster> = {}): MemberAsMaster {
  return {
    uuid: "0b6f1a5e-1111-4222-8333-944455556666",
    short_uuid: "C29hUcKn",
    login_email: "ada@example.com",
    current_role: "prao",
    first_name: "Ada",
    nickname: null,
    last_name: "Lovelace",
    phone: "070-123 45 67",
    drivers_license: false,
    stad: null,
    fest: null,
    liquor_permit: null,
    created_at: "2026-01-01T10:00:00+00:00",
    updated_at: "2026-01-01T10:00:00+00:00",
    photo: null,
    ...overrides,
  };
}
