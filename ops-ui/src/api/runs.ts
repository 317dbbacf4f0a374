import { post } from "./http";
import { randomKey } from "./ids";
import type { Run } from "./types";

export interface StartRun {
  operation: string;
  params: Record<string, unknown>;
  reason: string;
  idempotencyKey: string;
}

export const startRun = (body: StartRun) => post<Run>("/api/v1/runs", body);

/**
 * Starts a run again with the same operation and params. Until the server has a re-run endpoint
 * (which records `rerunOf`), the link to the original lives in the reason.
 */
export function rerun(run: Run): Promise<Run> {
  return startRun({
    operation: run.operation,
    params: run.params,
    reason: `re-run of ${run.id}: ${run.reason}`.slice(0, 2000),
    idempotencyKey: `rerun-${run.id}-${randomKey()}`,
  });
}
