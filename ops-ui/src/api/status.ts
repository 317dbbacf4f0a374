// Run statuses the portal groups; the lists come from contracts' RunStatus through the generated
// vocabulary, and GET /api/v1/runs/statuses lists them at run time.
import {
  ENDED_RUN_STATUSES,
  RERUNNABLE_RUN_STATUSES,
  type RunStatus,
} from "../generated/vocabulary";

export type { RunStatus };

export const ENDED: readonly string[] = ENDED_RUN_STATUSES;
/** What the server lets an operator re-run: ended, and not successfully. */
export const RERUNNABLE: readonly string[] = RERUNNABLE_RUN_STATUSES;
export const NEEDS_ATTENTION: RunStatus = "needs_attention";
export const AWAITING_APPROVAL: RunStatus = "awaiting_approval";
export const WAITING: RunStatus = "waiting";

export function isEnded(status: string): boolean {
  return ENDED.includes(status);
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, " ");
}

/** A status as the server lists it at GET /api/v1/runs/statuses. */
export interface KnownStatus {
  value: RunStatus;
  ended: boolean;
}
