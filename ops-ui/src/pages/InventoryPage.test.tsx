import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, expect, it, vi } from "vitest";
import type { Cluster } from "../api/types";
import { InventoryPage } from "./InventoryPage";

const cluster = (id: number, name: string, baseUrl: string, trustPem: string | null, siteId = 1): Cluster => ({
  id,
  siteId,
  name,
  kind: "mesh",
  baseUrl,
  credentialId: 7,
  trustPem,
  labels: ["lab"],
});

const answers: Record<string, unknown> = {
  "/api/v1/sites": [
    { id: 1, code: "sha", name: "Shanghai", timeZone: "Asia/Shanghai" },
    { id: 2, code: "sin", name: "Singapore", timeZone: "Asia/Singapore" },
  ],
  "/api/v1/clusters": [
    cluster(1, "sha-mesh", "https://127.77.0.23:40001", "-----BEGIN CERTIFICATE-----"),
    cluster(2, "sin-k8s", "https://10.0.0.9:6443", null, 2),
    cluster(3, "old-mesh", "http://10.0.0.10:8080", null),
  ],
  "/api/v1/credentials": [{ id: 7, name: "lab-http", kind: "http-token", username: null }],
};

afterEach(() => vi.unstubAllGlobals());

it("lists clusters with their site, API, trust and credential by name", async () => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => new Response(JSON.stringify(answers[new URL(url, "http://x").pathname] ?? []), { headers: { "Content-Type": "application/json" } })),
  );
  render(
    <MemoryRouter initialEntries={["/inventory/clusters"]}>
      <Routes>
        <Route path="/inventory/*" element={<InventoryPage />} />
      </Routes>
    </MemoryRouter>,
  );
  const row = (await screen.findByRole("cell", { name: "sha-mesh" })).closest("tr")!;
  expect(within(row).getByText("https://127.77.0.23:40001")).toBeInTheDocument();
  expect(within(row).getByText("own CA")).toBeInTheDocument();
  expect(await within(row).findByText("lab-http")).toBeInTheDocument();
  expect(within(screen.getByRole("cell", { name: "sin-k8s" }).closest("tr")!).getByText("default trust store")).toBeInTheDocument();
  expect(within(screen.getByRole("cell", { name: "old-mesh" }).closest("tr")!).getByText("plain HTTP")).toBeInTheDocument();
  expect(within(screen.getByRole("cell", { name: "sin-k8s" }).closest("tr")!).getByText("sin")).toBeInTheDocument();
});
