import { useState } from "react";
import { del, post } from "../api/http";
import { freezeScope, windowScopes, type Freeze, type MaintenanceWindow, type Schedule } from "../api/windows";
import { Empty, ErrorState, Loading } from "../components/states";
import { when } from "../components/time";
import { useApi } from "../components/useApi";
import { useCan } from "../session";
import { Calendar } from "../windows/Calendar";
import { useOpenViews, type OpenViews } from "../windows/useOpenViews";

const DAYS = 14;

/** Maintenance windows ahead, freezes with the emergency switch, and schedules. */
export function WindowsPage() {
  const windows = useApi<MaintenanceWindow[]>("/api/v1/windows");
  const open = useOpenViews(windows.data ? windowScopes(windows.data) : undefined, DAYS);
  return (
    <section>
      <h1>Windows</h1>
      <p className="muted">Disruptive steps run only while their scopes' windows are open and no freeze covers them. Times are local.</p>
      <CalendarSection windows={windows.data} error={windows.error} reload={windows.reload} open={open} />
      <FreezesSection scopes={windows.data ? windowScopes(windows.data) : []} onChanged={open.reload} />
      <SchedulesSection windows={windows.data ?? []} />
    </section>
  );
}

function CalendarSection({ windows, error, reload, open }: { windows?: MaintenanceWindow[]; error?: Error; reload: () => void; open: OpenViews }) {
  const failed = error ?? open.error;
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">The next {DAYS} days</h2>
      {failed && <ErrorState error={failed} retry={error ? reload : open.reload} />}
      {!failed &&
        (!windows || !open.views ? (
          <Loading what="windows" />
        ) : windows.length === 0 ? (
          <Empty>No maintenance windows are defined: scopes without a window are not constrained.</Empty>
        ) : (
          <Calendar views={open.views} now={new Date()} days={DAYS} />
        ))}
    </section>
  );
}

/** Runs an action, then reloads; its failure is shown beside the section. */
function useAction(reload: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, act };
}

function FreezesSection({ scopes, onChanged }: { scopes: string[]; onChanged: () => void }) {
  const canAct = useCan("operator");
  const freezes = useApi<Freeze[]>("/api/v1/freezes", 10_000);
  // A freeze changes the calendar too.
  const { busy, error, act } = useAction(() => {
    freezes.reload();
    onChanged();
  });
  return (
    <section className="card" aria-labelledby="freezes-title">
      <h2 id="freezes-title">Freezes</h2>
      {canAct && <FreezeNowForm scopes={scopes} busy={busy} onFreeze={(body) => act(() => post("/api/v1/freezes/now", body))} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {freezes.error && <ErrorState error={freezes.error} retry={freezes.reload} />}
      {!freezes.data ? (
        !freezes.error && <Loading what="freezes" />
      ) : freezes.data.length === 0 ? (
        <Empty>No freeze is active or planned.</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Active and planned freezes</caption>
          <thead>
            <tr>
              <th scope="col">Freeze</th>
              <th scope="col">Scope</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              {canAct && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {freezes.data.map((f) => (
              <tr key={f.id} data-testid="freeze">
                <td className="mono">{f.name}</td>
                <td>{freezeScope(f)}</td>
                <td>{when(f.startsAt)}</td>
                <td>{f.endsAt ? when(f.endsAt) : "until lifted"}</td>
                <td>{f.reason}</td>
                <td>{f.createdBy}</td>
                {canAct && (
                  <td>
                    <button type="button" className="danger" disabled={busy} aria-label={`Lift ${f.name}`} onClick={() => act(() => del(`/api/v1/freezes/${f.id}`))}>
                      Lift
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const GLOBAL = "";
const OTHER = "__other";

function FreezeNowForm({ scopes, busy, onFreeze }: { scopes: string[]; busy: boolean; onFreeze: (body: { scope?: string; reason: string }) => void }) {
  const [scope, setScope] = useState(GLOBAL);
  const [other, setOther] = useState("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const chosen = scope === OTHER ? other.trim() : scope;
  const reasonMissing = !reason.trim();
  const otherMissing = scope === OTHER && !chosen;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reasonMissing || otherMissing) return;
    onFreeze(chosen ? { scope: chosen, reason: reason.trim() } : { reason: reason.trim() });
    setReason("");
    setTried(false);
  };

  return (
    <form className="freeze-now" onSubmit={submit} aria-labelledby="freeze-now-title" noValidate>
      <h3 id="freeze-now-title">Freeze now</h3>
      <p className="field-desc">Stops new disruptive steps of every affected run at once, until lifted. Running steps finish.</p>
      <div className="row">
        <div className="field">
          <label htmlFor="freeze-scope">Scope</label>
          <select id="freeze-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value={GLOBAL}>Everything (global)</option>
            {scopes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value={OTHER}>Another scope…</option>
          </select>
        </div>
        {scope === OTHER && (
          <div className="field">
            <label htmlFor="freeze-other">Scope (kind:value)</label>
            <input id="freeze-other" value={other} placeholder="site:sha" aria-invalid={tried && otherMissing} aria-describedby={tried && otherMissing ? "freeze-other-error" : undefined} onChange={(e) => setOther(e.target.value)} />
            {tried && otherMissing && (
              <p className="field-error" id="freeze-other-error">
                Scope is required
              </p>
            )}
          </div>
        )}
        <div className="field grow">
          <label htmlFor="freeze-reason">
            Reason <span className="required">*</span>
          </label>
          <input id="freeze-reason" value={reason} aria-required="true" aria-invalid={tried && reasonMissing} aria-describedby={tried && reasonMissing ? "freeze-reason-error" : undefined} onChange={(e) => setReason(e.target.value)} />
          {tried && reasonMissing && (
            <p className="field-error" id="freeze-reason-error">
              Reason is required
            </p>
          )}
        </div>
        <div className="field">
          <span aria-hidden="true">&nbsp;</span>
          <button type="submit" className="danger" disabled={busy}>
            Freeze now
          </button>
        </div>
      </div>
    </form>
  );
}

function SchedulesSection({ windows }: { windows: MaintenanceWindow[] }) {
  const canAct = useCan("operator");
  const schedules = useApi<Schedule[]>("/api/v1/schedules", 30_000);
  const { busy, error, act } = useAction(schedules.reload);
  const [triggered, setTriggered] = useState<string>();
  const windowName = (id: number | null) => windows.find((w) => w.id === id)?.name ?? `window ${id}`;
  return (
    <section className="card" aria-labelledby="schedules-title">
      <h2 id="schedules-title">Schedules</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {triggered && (
        <p className="muted" role="status">
          {triggered}
        </p>
      )}
      {schedules.error && <ErrorState error={schedules.error} retry={schedules.reload} />}
      {!schedules.data ? (
        !schedules.error && <Loading what="schedules" />
      ) : schedules.data.length === 0 ? (
        <Empty>No schedules: operations start only when someone starts them.</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Schedules</caption>
          <thead>
            <tr>
              <th scope="col">Schedule</th>
              <th scope="col">Operation</th>
              <th scope="col">When</th>
              <th scope="col">Next fires</th>
              <th scope="col">State</th>
              {canAct && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {schedules.data.map((s) => (
              <tr key={s.id} data-testid="schedule">
                <td>{s.name}</td>
                <td className="mono">{s.operation}</td>
                <td>
                  {s.windowId !== null ? (
                    <>each opening of {windowName(s.windowId)}</>
                  ) : (
                    <span className="mono">{s.rrule ?? s.cron}</span>
                  )}
                  {s.zone && <span className="muted"> ({s.zone})</span>}
                </td>
                <td>{s.paused ? <span className="muted">none while paused</span> : <NextFires id={s.id} />}</td>
                <td>{s.paused ? <span className="badge badge-paused">paused</span> : <span className="badge badge-active">active</span>}</td>
                {canAct && (
                  <td className="actions">
                    {s.paused ? (
                      <button type="button" disabled={busy} aria-label={`Resume ${s.name}`} onClick={() => act(() => post(`/api/v1/schedules/${s.id}/resume`))}>
                        Resume
                      </button>
                    ) : (
                      <button type="button" disabled={busy} aria-label={`Pause ${s.name}`} onClick={() => act(() => post(`/api/v1/schedules/${s.id}/pause`))}>
                        Pause
                      </button>
                    )}{" "}
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`Trigger ${s.name} now`}
                      onClick={() =>
                        act(async () => {
                          await post(`/api/v1/schedules/${s.id}/trigger`);
                          setTriggered(`${s.name} was triggered: its run appears under Runs.`);
                        })
                      }
                    >
                      Trigger now
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NextFires({ id }: { id: number }) {
  const next = useApi<string[]>(`/api/v1/schedules/${id}/next?count=3`);
  if (next.error) return <span className="field-error">{next.error.message}</span>;
  if (!next.data) return <span className="muted">…</span>;
  if (next.data.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="plain">
      {next.data.map((t) => (
        <li key={t}>{when(t)}</li>
      ))}
    </ul>
  );
}
