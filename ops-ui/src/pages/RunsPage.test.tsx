import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, expect, it, vi } from "vitest";
import type { Run } from "../api/types";
import { SessionContext } from "../session";
import { RunsPage } from "./RunsPage";

const run = (i: number): Run => ({
  id: `r${i}`,
  operation: "topology-discovery",
  params: {},
  siteCode: "sha",
  requestedBy: "admin",
  reason: "x",
  status: "succeeded",
  rerunOf: null,
  errorType: null,
  errorMessage: null,
  createdAt: "2026-01-01T10:00:00Z",
  startedAt: null,
  endedAt: null,
  steps: null,
});

// 10,000 runs on the server: the page asks for 50 at a time and renders only those it fetched.
function server(total: number) {
  return vi.fn(async (url: string) => {
    const u = new URL(url, "http://x");
    let body: unknown = [];
    if (u.pathname === "/api/v1/runs") {
      const limit = Number(u.searchParams.get("limit"));
      const from = Number(u.searchParams.get("cursor") ?? 0);
      const items = Array.from({ length: Math.min(limit, total - from) }, (_, i) => run(from + i));
      body = { items, next: from + limit < total ? String(from + limit) : null };
    }
    return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
  });
}

afterEach(() => vi.unstubAllGlobals());

it("pages through a long list instead of rendering it all", async () => {
  const fetch = server(10_000);
  vi.stubGlobal("fetch", fetch);
  render(
    <SessionContext.Provider value={{ me: { username: "v", role: "viewer" }, labOn: false, logout: () => {} }}>
      <MemoryRouter initialEntries={["/runs?status=succeeded"]}>
        <RunsPage />
      </MemoryRouter>
    </SessionContext.Provider>,
  );
  expect(await screen.findByText("50 run(s) shown, more available")).toBeInTheDocument();
  expect(screen.getAllByRole("row")).toHaveLength(51);
  const runCalls = fetch.mock.calls.map((c) => String(c[0])).filter((u) => u.startsWith("/api/v1/runs?"));
  expect(runCalls[0]).toContain("status=succeeded");
  expect(runCalls[0]).toContain("limit=50");

  await userEvent.click(screen.getByRole("button", { name: "Load more" }));
  expect(await screen.findByText("100 run(s) shown, more available")).toBeInTheDocument();
  expect(fetch.mock.calls.map((c) => String(c[0])).some((u) => u.includes("cursor=50"))).toBe(true);
  // A viewer cannot re-run: no selection, no button.
  expect(screen.queryByRole("button", { name: /Re-run/ })).toBeNull();
  expect(screen.queryByRole("checkbox")).toBeNull();
});
