import "@testing-library/jest-dom/vitest";
import { resetSession } from "@/testing/session";

afterEach(() => {
  resetSession();
});
