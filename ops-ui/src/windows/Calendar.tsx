import type { OpenView } from "../api/windows";

// The coming days per scope: each window opening clipped to the local day it falls on, freezes
// marked, and what is open now highlighted. Pure: the page hands it the API's answers and a clock.

const DAY = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");
/** Local wall-clock time, 24-hour; the end of a day is 24:00. */
function hhmm(d: Date, dayStart: Date): string {
  if (d.getTime() - dayStart.getTime() >= DAY) return "24:00";
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localDays(now: Date, days: number): Date[] {
  return Array.from({ length: days }, (_, i) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + i));
}

export function dayLabel(d: Date, now: Date): string {
  if (d.toDateString() === now.toDateString()) return "Today";
  return d.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" });
}

/** "Tue 14 Jan 10:00" in local time, for when something opens or closes. */
export function at(iso: string | null, now: Date): string {
  if (!iso) return "—";
  const d = new Date(iso);
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return `${dayLabel(day, now) === "Today" ? "today" : dayLabel(day, now)} ${hhmm(d, day)}`;
}

interface Segment {
  label: string;
  window: string;
  now: boolean;
}

function segments(view: OpenView, day: Date, now: Date): Segment[] {
  const from = day.getTime();
  const to = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
  return view.openings
    .filter((o) => new Date(o.start).getTime() < to && new Date(o.end).getTime() > from)
    .map((o) => {
      const s = Math.max(new Date(o.start).getTime(), from);
      const e = Math.min(new Date(o.end).getTime(), to);
      const isNow = new Date(o.start).getTime() <= now.getTime() && now.getTime() < new Date(o.end).getTime();
      return {
        label: `${hhmm(new Date(s), day)}–${e === to ? "24:00" : hhmm(new Date(e), day)}`,
        window: o.window,
        // A frozen or otherwise held opening is not open now, however the window reads.
        now: view.openNow && isNow && s <= now.getTime() && now.getTime() < e,
      };
    });
}

function frozen(view: OpenView, day: Date) {
  const from = day.getTime();
  const to = from + DAY;
  return view.freezes.filter((f) => new Date(f.start).getTime() < to && (f.end === null || new Date(f.end).getTime() > from));
}

export function ScopeStatus({ view, now }: { view: OpenView; now: Date }) {
  if (view.openNow)
    return (
      <span className="badge badge-open">
        open now{view.closesAt ? ` until ${at(view.closesAt, now)}` : ""}
      </span>
    );
  return (
    <span className="badge badge-closed">
      {view.waitingFor ? `held by ${view.waitingFor}` : "closed"}
      {view.opensAt ? ` · opens ${at(view.opensAt, now)}` : ""}
    </span>
  );
}

export function Calendar({ views, now, days = 14 }: { views: OpenView[]; now: Date; days?: number }) {
  const dates = localDays(now, days);
  return (
    <div className="calendar-wrap">
      <table className="calendar">
        <caption className="visually-hidden">Window openings in the next {days} days, local time</caption>
        <thead>
          <tr>
            <th scope="col">Scope</th>
            {dates.map((d, i) => (
              <th scope="col" key={i} className={i === 0 ? "today" : undefined}>
                {dayLabel(d, now)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {views.map((v) => (
            <tr key={v.scope} data-testid={`calendar-${v.scope}`}>
              <th scope="row">
                <span className="mono">{v.scope}</span>
                <br />
                <ScopeStatus view={v} now={now} />
              </th>
              {dates.map((d, i) => {
                const segs = segments(v, d, now);
                const fz = frozen(v, d);
                return (
                  <td key={i} className={i === 0 ? "today" : undefined}>
                    {fz.map((f) => (
                      <span key={f.freeze} className="cal-freeze" title={f.reason ?? undefined}>
                        frozen
                      </span>
                    ))}
                    {segs.map((s, j) => (
                      <span key={j} className={s.now ? "cal-open cal-now" : "cal-open"} title={s.window}>
                        {s.label}
                        {s.now && <span className="visually-hidden"> (open now)</span>}
                      </span>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
