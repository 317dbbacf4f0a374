import { Link } from "react-router";
import { freezeScope, windowScopes, type Freeze, type MaintenanceWindow } from "../api/windows";
import { Empty, ErrorState, Loading } from "../components/states";
import { when } from "../components/time";
import { useApi } from "../components/useApi";
import { ScopeStatus } from "./Calendar";
import { useOpenViews } from "./useOpenViews";

/** The dashboard's card: which windows are open now, and which freezes hold work. */
export function OpenNowSection() {
  const windows = useApi<MaintenanceWindow[]>("/api/v1/windows");
  const freezes = useApi<Freeze[]>("/api/v1/freezes", 10_000);
  const open = useOpenViews(windows.data ? windowScopes(windows.data) : undefined, 1, 30_000);
  const error = windows.error ?? open.error ?? freezes.error;
  const now = new Date();
  const active = (freezes.data ?? []).filter((f) => new Date(f.startsAt) <= now);
  const openNow = (open.views ?? []).filter((v) => v.openNow);
  return (
    <section className="card dash-section open-now" aria-labelledby="dash-windows">
      <h2 id="dash-windows">
        Windows and freezes open now
        {active.length > 0 && <span className="badge badge-frozen">{active.length} frozen</span>}
      </h2>
      {error ? (
        <ErrorState
          error={error}
          retry={() => {
            windows.reload();
            freezes.reload();
            open.reload();
          }}
        />
      ) : !windows.data || !freezes.data || !open.views ? (
        <Loading what="windows and freezes" />
      ) : (
        <>
          {active.length === 0 ? (
            <Empty>No freeze is active.</Empty>
          ) : (
            <ul aria-label="Active freezes">
              {active.map((f) => (
                <li key={f.id}>
                  <strong>Frozen: {freezeScope(f)}</strong> since {when(f.startsAt)}
                  {f.endsAt ? `, until ${when(f.endsAt)}` : ", until lifted"} — {f.reason}
                </li>
              ))}
            </ul>
          )}
          {windows.data.length === 0 ? (
            <Empty>No maintenance windows are defined.</Empty>
          ) : openNow.length === 0 ? (
            <Empty>No window is open now.</Empty>
          ) : (
            <ul aria-label="Open windows">
              {openNow.map((v) => (
                <li key={v.scope}>
                  <span className="mono">{v.scope}</span> <ScopeStatus view={v} now={now} />
                </li>
              ))}
            </ul>
          )}
          <Link to="/windows">All windows, freezes and schedules</Link>
        </>
      )}
    </section>
  );
}
