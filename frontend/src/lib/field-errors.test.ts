import { ApiError } from "@/lib/api-client";
import { fieldErrorsOf } from "@/lib/field-errors";

describe("fieldErrorsOf", () => {
  it("reads a 422's problems by field, as FastAPI lists them", () => {
    const error = new ApiError(422, "login_email: must be an email address; phone: too long", [
      { loc: ["body", "login_email"], msg: "must be an email address", type: "value_error" },
      { loc: ["body", "phone"], msg: "too long", type: "value_error" },
    ]);

    expect(fieldErrorsOf(error)).toEqual({
      login_email: "must be an email address",
      phone: "too long",
    });
  });

  it("puts a 400 about one field's message beside that field", () => {
    const message = "field 'current_role' does not exist or may not be changed by you";
    const error = new ApiError(400, message, [
      { loc: ["body", "current_role"], msg: message, type: "value_error.extra" },
    ]);

    expect(fieldErrorsOf(error)).toEqual({ current_role: message });
  });

  it("has nothing for errors that are not about fields", () => {
    expect(fieldErrorsOf(new ApiError(409, "the email is taken", "the email is taken"))).toEqual(
      {},
    );
    expect(fieldErrorsOf(new ApiError(422, "odd", [{ loc: "body", msg: 3 }]))).toEqual({});
    expect(fieldErrorsOf(new Error("offline"))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
