import { expect, it } from "vitest";
import type { Step } from "../api/types";
import type { StepEventKind } from "../generated/vocabulary";
import { timeline } from "./timeline";

const ev = (seq: number, step: string, target: string | null, kind: StepEventKind, at: string, error?: string): Step => ({
  seq,
  step,
  target,
  kind,
  attempt: 1,
  errorType: error ? "DeviceUnreachable" : null,
  errorMessage: error ?? null,
  at,
});

it("folds events into one entry per step and target, counting retries", () => {
  const entries = timeline([
    ev(3, "read-lldp", "leaf2", "started", "2026-01-01T10:00:01Z"),
    ev(1, "list-leaves", "sha", "started", "2026-01-01T10:00:00Z"),
    ev(2, "list-leaves", "sha", "succeeded", "2026-01-01T10:00:01Z"),
    ev(4, "read-lldp", "leaf2", "failed", "2026-01-01T10:00:05Z", "no answer"),
    ev(5, "read-lldp", "leaf2", "started", "2026-01-01T10:01:00Z"),
  ]);
  expect(entries.map((e) => [e.step, e.target, e.state, e.attempts])).toEqual([
    ["list-leaves", "sha", "succeeded", 1],
    ["read-lldp", "leaf2", "running", 2],
  ]);
  expect(entries[0].endedAt).toBe("2026-01-01T10:00:01Z");
  expect(entries[1].endedAt).toBeNull();
});
