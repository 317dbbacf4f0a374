// Run statuses the portal groups. The needs-attention, approval and waiting statuses come with
// operator control and windows; until the server knows them, their lists stay empty.

export const ENDED = ["succeeded", "failed", "cancelled", "terminated", "timed_out"];
export const FAILED = ["failed", "terminated", "timed_out"];
export const NEEDS_ATTENTION = "needs_attention";
export const AWAITING_APPROVAL = "awaiting_approval";
export const WAITING = ["waiting_window", "waiting_lease"];

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
