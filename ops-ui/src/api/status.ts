// Run statuses the portal groups (db/run/RunStatus); GET /api/v1/runs/statuses lists them.

export const ENDED = ["succeeded", "failed", "cancelled", "terminated", "timed_out", "aborted"];
/** What the server lets an operator re-run: ended, and not successfully. */
export const RERUNNABLE = ["failed", "cancelled", "terminated", "timed_out", "aborted"];
export const NEEDS_ATTENTION = "needs_attention";
export const AWAITING_APPROVAL = "awaiting_approval";
export const WAITING = "waiting";

export function isEnded(status: string): boolean {
  return ENDED.includes(status);
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, " ");
}

/** A status as the server lists it at GET /api/v1/runs/statuses. */
export interface KnownStatus {
  value: string;
  ended: boolean;
}
