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

it("shows each instance's drift and the domains no instance accounts for", async () => {
  const more: Record<string, unknown> = {
    ...answers,
    "/api/v1/instances": [
      { name: "vm-1", kind: "vm", site: "sha", state: "degraded", hypervisor: "sha-hv03", portId: null, ip: "10.1.0.5", mac: null, network: "sha-prod", drift: "domain vm-1 is paused on sha-hv03", driftCheckedAt: "2026-12-01T10:00:00Z" },
      { name: "vm-2", kind: "vm", site: "sha", state: "active", hypervisor: "sha-hv04", portId: null, ip: "10.1.0.6", mac: null, network: "sha-prod", drift: null, driftCheckedAt: "2026-12-01T10:00:00Z" },
    ],
    "/api/v1/instances/unaccounted-domains": [
      { site: "sha", hypervisor: "sha-hv02", name: "legacy-db", state: "shut off", ownerChange: null, firstSeenAt: "2026-12-01T09:00:00Z", lastSeenAt: "2026-12-01T10:00:00Z" },
    ],
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => new Response(JSON.stringify(more[new URL(url, "http://x").pathname] ?? []), { headers: { "Content-Type": "application/json" } })),
  );
  render(
    <MemoryRouter initialEntries={["/inventory/instances"]}>
      <Routes>
        <Route path="/inventory/*" element={<InventoryPage />} />
      </Routes>
    </MemoryRouter>,
  );
  const row = (await screen.findByRole("cell", { name: "vm-1" })).closest("tr")!;
  expect(within(row).getByText("degraded")).toBeInTheDocument();
  expect(within(row).getByText("domain vm-1 is paused on sha-hv03")).toBeInTheDocument();
  expect(within(screen.getByRole("cell", { name: "vm-2" }).closest("tr")!).getByText("none")).toBeInTheDocument();
  const foreign = (await screen.findByRole("cell", { name: "legacy-db" })).closest("tr")!;
  expect(within(foreign).getByText("defined outside Longhaul")).toBeInTheDocument();
  expect(within(foreign).getByText("sha-hv02")).toBeInTheDocument();
});
