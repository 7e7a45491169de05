import { screen } from "@testing-library/react";
import { BackendVersion } from "@/features/version/components/backend-version";
import { jsonResponse, serveApi, pending } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";

describe("BackendVersion", () => {
  it("shows the version the backend reports", async () => {
    serveApi({ "/api/v1/version": () => jsonResponse({ backend: "1.4.2", schema_version: 7 }) });

    renderWithQueryClient(<BackendVersion />);

    expect(await screen.findByText("Backend v1.4.2 · schema 7")).toBeInTheDocument();
  });

  it("says it is loading while the backend has not answered", () => {
    serveApi({ "/api/v1/version": pending });

    renderWithQueryClient(<BackendVersion />);

    expect(screen.getByText("Backend version: loading…")).toBeInTheDocument();
  });

  it("says the version is unavailable when the backend fails", async () => {
    serveApi({ "/api/v1/version": () => jsonResponse({ error: "Internal server error" }, 500) });

    renderWithQueryClient(<BackendVersion />);

    expect(await screen.findByText("Backend version: unavailable")).toBeInTheDocument();
  });
});
