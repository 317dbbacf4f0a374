// Windows, freezes and schedules as the API shows them (api/window, api/schedule; docs/windows.md).

export interface MaintenanceWindow {
  id: number;
  name: string;
  description: string | null;
  scopes: string[];
  rrule: string | null;
  cron: string | null;
  durationMinutes: number;
  zone: string;
  anchor: string | null;
  exceptionDates: string[] | null;
}

export interface Opening {
  window: string;
  start: string;
  end: string;
}

export interface FreezeSpan {
  freeze: string;
  start: string;
  end: string | null;
  reason: string | null;
}

/** GET /api/v1/windows/open?scope=&days=: open now, and every opening and freeze ahead. */
export interface OpenView {
  scope: string;
  at: string;
  openNow: boolean;
  closesAt: string | null;
  waitingFor: string | null;
  opensAt: string | null;
  openings: Opening[];
  freezes: FreezeSpan[];
}

export interface Freeze {
  id: number;
  name: string;
  scopes: string[];
  startsAt: string;
  endsAt: string | null;
  reason: string | null;
  createdBy: string;
  createdAt: string;
  liftedBy: string | null;
}

export interface Schedule {
  id: number;
  name: string;
  operation: string;
  reason: string | null;
  rrule: string | null;
  cron: string | null;
  windowId: number | null;
  zone: string | null;
  anchor: string | null;
  overlap: string;
  catchupSeconds: number;
  paused: boolean;
}

/** Every scope some window covers, sorted: the rows of the calendar. */
export function windowScopes(windows: MaintenanceWindow[]): string[] {
  return [...new Set(windows.flatMap((w) => w.scopes))].sort();
}

/** A freeze's scopes as a person reads them; none means everything. */
export function freezeScope(f: Freeze): string {
  return f.scopes.length === 0 ? "global (everything)" : f.scopes.join(", ");
}
