import { post } from "./http";
import type { Run } from "./types";

export interface StartRun {
  operation: string;
  params: Record<string, unknown>;
  reason: string;
  idempotencyKey: string;
}

export const startRun = (body: StartRun) => post<Run>("/api/v1/runs", body);

/** A re-run: a new run of the same change (`rerunOf` = the original); steps done are reused. */
export const rerun = (run: Run, reason: string) => post<Run>(`/api/v1/runs/${run.id}/re-run`, { reason });

export interface BulkRerun {
  perSecond: number;
  runs: { original: string; run: string; releaseAfterMillis: number }[];
}

/** Re-runs many at once; the server checks every id first (all or nothing) and paces the starts. */
export const rerunAll = (ids: string[], reason: string) => post<BulkRerun>("/api/v1/runs/re-run", { ids, reason });
