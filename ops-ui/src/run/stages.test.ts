import { expect, it } from "vitest";
import type { Run, Step } from "../api/types";
import type { RunStatus, StepEventKind } from "../generated/vocabulary";
import { stageOf, stageStates } from "./stages";

const stages = [
  { step: "list-leaves", label: "listing the site's leaves" },
  { step: "read-lldp", label: "reading the leaves' LLDP tables" },
  { step: "reconcile", label: "reconciling the host links" },
];

const ev = (seq: number, step: string, kind: StepEventKind): Step => ({
  seq,
  step,
  target: "sha",
  kind,
  attempt: 1,
  errorType: null,
  errorMessage: null,
  at: `2026-01-01T10:00:0${seq}Z`,
});

const run = (status: RunStatus, steps: Step[]): Run =>
  ({ id: "r", operation: "topology-discovery", status, steps, pending: [] }) as unknown as Run;

it("names the running step in the operation's words and marks the stages", () => {
  const r = run("running", [ev(1, "list-leaves", "started"), ev(2, "list-leaves", "succeeded"), ev(3, "read-lldp", "started")]);
  expect(stageOf(r, stages)).toBe("reading the leaves' LLDP tables");
  expect(stageStates(r, stages).map((s) => s.state)).toEqual(["done", "current", "ahead"]);
});

it("says where a parked run stopped and that it waits for an operator", () => {
  const r = run("needs_attention", [ev(1, "list-leaves", "started"), ev(2, "list-leaves", "failed")]);
  expect(stageOf(r, stages)).toBe("stopped at listing the site's leaves: waiting for an operator");
});

it("falls back to the step name for a step the operation does not label", () => {
  expect(stageOf(run("running", [ev(1, "extra", "started")]), stages)).toBe("extra");
  expect(stageOf(run("succeeded", []), stages)).toBe("done");
});
