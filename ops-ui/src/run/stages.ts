// Where a run is, in the words its operation declares for its steps (@Operation stages), for any
// operation: the portal holds no step list of its own.
import type { Run, StageLabel } from "../api/types";
import { isEnded } from "../api/status";
import { timelineOf, type TimelineEntry } from "./timeline";

/** How a run's end reads; an operation's own summary may word it in its terms. */
export interface Endings {
  succeeded: string;
  unfinished: string;
}

const PLAIN: Endings = { succeeded: "done", unfinished: "ended before finishing" };

export function labelOf(stages: StageLabel[], step: string): string {
  return stages.find((s) => s.step === step)?.label ?? step;
}

/** The entry the run is at: the last one still running, failed or parked. */
export function currentEntry(entries: TimelineEntry[]): TimelineEntry | undefined {
  return [...entries].reverse().find((e) => ["running", "failed", "parked"].includes(e.state));
}

export function stageOf(run: Run, stages: StageLabel[], endings: Endings = PLAIN): string {
  if (run.status === "succeeded") return endings.succeeded;
  if (run.status === "awaiting_approval") {
    const approval = (run.pending ?? []).find((p) => p.kind === "approval");
    return approval ? labelOf(stages, approval.step) : "waiting for an approver";
  }
  const current = currentEntry(timelineOf(run.timeline, run.steps ?? []));
  if (current) {
    return current.state === "running"
      ? labelOf(stages, current.step)
      : `stopped at ${labelOf(stages, current.step)}${run.status === "needs_attention" ? ": waiting for an operator" : ""}`;
  }
  return isEnded(run.status) ? endings.unfinished : "starting";
}

/** Each declared stage and whether the run has done it, is at it, or has not reached it. */
export function stageStates(run: Run, stages: StageLabel[]): { stage: StageLabel; state: "done" | "current" | "ahead" }[] {
  const entries = timelineOf(run.timeline, run.steps ?? []);
  const current = currentEntry(entries);
  return stages.map((stage) => {
    const mine = entries.filter((e) => e.step === stage.step);
    if (current?.step === stage.step) return { stage, state: "current" };
    if (mine.length > 0 && mine.every((e) => ["succeeded", "reused", "skipped", "approved"].includes(e.state)))
      return { stage, state: "done" };
    return { stage, state: mine.length > 0 ? "current" : "ahead" };
  });
}
