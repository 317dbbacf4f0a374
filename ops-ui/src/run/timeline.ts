// Step events (started / succeeded / failed, one row each) folded into one line per step and
// target, as an operator reads a run: what ran, how long, how many attempts, what went wrong.
import type { Step, TimelineLine } from "../api/types";
import type { StepEventKind } from "../generated/vocabulary";

export interface TimelineEntry {
  key: string;
  step: string;
  target: string | null;
  /** The last event's kind, or running while a started step has not ended. */
  state: StepEventKind | "running";
  startedAt: string;
  endedAt: string | null;
  attempts: number;
  errorType: string | null;
  errorMessage: string | null;
}

export function timeline(events: Step[]): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const key = `${e.step}|${e.target ?? ""}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        key,
        step: e.step,
        target: e.target,
        state: "running",
        startedAt: e.at,
        endedAt: null,
        attempts: 0,
        errorType: null,
        errorMessage: null,
      };
      entries.set(key, entry);
    }
    if (e.kind === "started") {
      // A retried step starts again: count it, and its previous error no longer stands.
      entry.attempts = Math.max(entry.attempts + 1, e.attempt);
      entry.state = "running";
      entry.endedAt = null;
    } else {
      entry.state = e.kind;
      entry.endedAt = e.at;
      entry.attempts = Math.max(entry.attempts, e.attempt, 1);
      entry.errorType = e.errorType;
      entry.errorMessage = e.errorMessage;
    }
  }
  return [...entries.values()];
}

/** The server's own fold when it sends one (operator control), else ours over the events. */
export function timelineOf(server: TimelineLine[] | null | undefined, events: Step[]): TimelineEntry[] {
  if (!server) return timeline(events);
  return server.map((l) => ({
    key: `${l.step}|${l.target ?? ""}`,
    step: l.step,
    target: l.target,
    state: l.state,
    startedAt: l.startedAt ?? "",
    endedAt: l.endedAt,
    attempts: l.attempts,
    errorType: null,
    errorMessage: l.errors.length ? l.errors[l.errors.length - 1] : null,
  }));
}
