import { fromLocalInputValue, toLocalInputValue } from "@/lib/date-time";

describe("datetime-local conversion", () => {
  it("shows a UTC instant as local wall-clock time and sends it back as the same instant", () => {
    const iso = "2026-11-26T17:30:00.000Z";
    const local = toLocalInputValue(iso);
    const d = new Date(iso);

    expect(local).toBe(
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}T${String(d.getHours()).padStart(2, "0")}:30`,
    );
    expect(fromLocalInputValue(local)).toBe(iso);
  });

  it("reads the input as local time, not UTC (tests run in Europe/Stockholm)", () => {
    expect(fromLocalInputValue("2026-06-01T18:00")).toBe("2026-06-01T16:00:00.000Z");
    expect(fromLocalInputValue("2026-12-01T18:00")).toBe("2026-12-01T17:00:00.000Z");
    expect(toLocalInputValue("2026-12-01T17:00:00Z")).toBe("2026-12-01T18:00");
  });

  it("treats an empty input as no time", () => {
    expect(fromLocalInputValue("")).toBeNull();
    expect(toLocalInputValue(null)).toBe("");
  });
});
