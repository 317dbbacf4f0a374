// Run statuses the portal groups. The needs-attention, approval and waiting statuses come with
// operator control and windows; until the server knows them, their lists stay empty.

export const ENDED = ["succeeded", "failed", "cancelled", "terminated", "timed_out"];
export const FAILED = ["failed", "terminated", "timed_out"];
export const NEEDS_ATTENTION = "needs_attention";
export const AWAITING_APPROVAL = "awaiting_approval";
export const WAITING = ["waiting_window", "waiting_lease"];

/** Every status the filters offer; the server answers 400 to one it does not know yet. */
export const ALL_STATUSES = [
  "pending",
  "running",
  NEEDS_ATTENTION,
  AWAITING_APPROVAL,
  ...WAITING,
  "succeeded",
  "failed",
  "cancelled",
  "terminated",
  "timed_out",
];

export function isEnded(status: string): boolean {
  return ENDED.includes(status);
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, " ");
}
