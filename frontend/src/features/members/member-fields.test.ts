import { editableFields, roles } from "@/features/members/member-fields";

// Both lists come from the OpenAPI document (src/client/api-constants.ts, generated); these are
// the values the backend's v1 contract has, in the order the profile page shows them.
describe("member fields", () => {
  it("lets a member edit only their nickname, email, phone and driver's license", () => {
    expect(editableFields("self")).toEqual(["nickname", "login_email", "phone", "drivers_license"]);
  });

  it("lets a master edit every field but the timestamps", () => {
    expect(editableFields("master")).toEqual([
      "first_name",
      "nickname",
      "last_name",
      "current_role",
      "login_email",
      "phone",
      "drivers_license",
      "stad",
      "fest",
      "liquor_permit",
    ]);
  });

  it("lets nobody else edit anything", () => {
    expect(editableFields("other")).toEqual([]);
  });

  it("knows the six roles, most senior first", () => {
    expect(roles).toEqual(["master", "marshal", "vraq", "prao", "ex", "exprao"]);
  });
});
