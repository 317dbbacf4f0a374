import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { expect, it, vi } from "vitest";
import type { Run } from "../api/types";
import type { RunStatus } from "../generated/vocabulary";
import { RunsTable } from "./RunsTable";

const run = (i: number, status: RunStatus = "succeeded"): Run => ({
  id: `run-${String(i).padStart(4, "0")}-aaaa`,
  operation: "topology-discovery",
  params: { site: "sha" },
  siteCode: "sha",
  requestedBy: "admin",
  reason: "test",
  status,
  rerunOf: null,
  errorType: null,
  errorMessage: null,
  createdAt: "2026-01-01T10:00:00Z",
  startedAt: "2026-01-01T10:00:00Z",
  endedAt: "2026-01-01T10:00:03Z",
  steps: null,
});

it("shows one row per run with its status and a link to it", () => {
  render(
    <MemoryRouter>
      <RunsTable runs={[run(1), run(2, "failed")]} caption="Runs" />
    </MemoryRouter>,
  );
  const rows = screen.getAllByRole("row").slice(1);
  expect(rows).toHaveLength(2);
  expect(within(rows[1]).getByText("failed")).toBeInTheDocument();
  expect(within(rows[0]).getByRole("link", { name: "run-0001" })).toHaveAttribute("href", "/runs/run-0001-aaaa");
  expect(within(rows[0]).getByText("3 s")).toBeInTheDocument();
  expect(screen.queryByRole("checkbox")).toBeNull();
});

it("selects single rows and every row shown", async () => {
  const onSelect = vi.fn();
  const runs = [run(1), run(2)];
  render(
    <MemoryRouter>
      <RunsTable runs={runs} caption="Runs" selected={new Set([runs[0].id])} onSelect={onSelect} />
    </MemoryRouter>,
  );
  expect(screen.getByRole("checkbox", { name: `Select run ${runs[0].id}` })).toBeChecked();
  await userEvent.click(screen.getByRole("checkbox", { name: `Select run ${runs[1].id}` }));
  expect(onSelect).toHaveBeenLastCalledWith([runs[1].id], true);
  await userEvent.click(screen.getByRole("checkbox", { name: "Select all runs shown" }));
  expect(onSelect).toHaveBeenLastCalledWith([runs[0].id, runs[1].id], true);
});
