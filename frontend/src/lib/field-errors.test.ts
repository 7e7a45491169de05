import { ApiError } from "@/lib/api-client";
import { fieldErrorsOf } from "@/lib/field-errors";

describe("fieldErrorsOf", () => {
  it("reads a 422's problems by field", () => {
    const error = new ApiError(422, "validation failed", {
      email: "is not an email",
      phone: "too long",
    });

    expect(fieldErrorsOf(error)).toEqual({ email: "is not an email", phone: "too long" });
  });

  it("puts a 400 about one field's message beside that field", () => {
    const error = new ApiError(400, "field 'current_role' may not be changed by you", {
      field: "current_role",
    });

    expect(fieldErrorsOf(error)).toEqual({
      current_role: "field 'current_role' may not be changed by you",
    });
  });

  it("has nothing for errors that are not about fields", () => {
    expect(fieldErrorsOf(new ApiError(409, "the email is taken"))).toEqual({});
    expect(fieldErrorsOf(new Error("offline"))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
