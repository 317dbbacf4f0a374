import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { post } from "../api/http";
import { rerun } from "../api/runs";
import { isEnded, RERUNNABLE } from "../api/status";
import type { Operation, Run, RunPage as RunList } from "../api/types";
import { StatusBadge } from "../components/StatusBadge";
import { ErrorState, Loading } from "../components/states";
import { duration, when } from "../components/time";
import { useApi } from "../components/useApi";
import { CompensationLog, PendingPanel, ProgressPanel } from "../run/panels";
import { HdfsMigrationSummary } from "../run/HdfsMigrationSummary";
import { MeshCanarySummary } from "../run/MeshCanarySummary";
import { SpawnSummary } from "../run/SpawnSummary";
import { StageView } from "../run/StageView";
import { timelineOf } from "../run/timeline";
import { useCan } from "../session";

/** One run, polled every 1.5 s until it ends. */
export function RunPage() {
  const { id } = useParams();
  const { data: run, error, reload } = useApi<Run>(`/api/v1/runs/${id}`, 1500, (r) => !isEnded(r.status));
  const { data: operations } = useApi<Operation[]>("/api/v1/operations");
  if (!run && error) return <ErrorState error={error} retry={reload} />;
  if (!run) return <Loading what="the run" />;
  const stages = operations?.find((o) => o.name === run.operation)?.stages ?? [];
  return (
    <section>
      <RunHeader run={run} onChange={reload} />
      {error && <ErrorState error={new Error(`Live updates paused: ${error.message}`)} retry={reload} />}
      <div className="run-grid">
        <div>
          {(run.pending ?? []).map((p) => (
            <PendingPanel key={`${p.kind}-${p.step}-${p.target}`} run={run} pending={p} onDone={reload} />
          ))}
          {run.operation === "instance-spawn" ? (
            <SpawnSummary run={run} stages={stages} />
          ) : run.operation === "hdfs-bu-migration" ? (
            <HdfsMigrationSummary run={run} onChange={reload} />
          ) : (
            stages.length > 0 && <StageView run={run} stages={stages} />
          )}
          {run.operation === "mesh-controlplane-canary" && <MeshCanarySummary run={run} />}
          {run.progress && !isEnded(run.status) && <ProgressPanel progress={run.progress} />}
          <Timeline run={run} />
          {run.compensations && run.compensations.length > 0 && <CompensationLog entries={run.compensations} />}
        </div>
        <RunFacts run={run} />
      </div>
    </section>
  );
}

function RunHeader({ run, onChange }: { run: Run; onChange: () => void }) {
  const canOperate = useCan("operator");
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState("");
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onChange();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="page-head">
        <h1>
          {run.operation} <span className="mono muted">{run.id.slice(0, 8)}</span> <StatusBadge status={run.status} />
        </h1>
        {canOperate && (
          <div className="actions">
            {!isEnded(run.status) && (
              <button type="button" disabled={busy} onClick={() => act(() => post(`/api/v1/runs/${run.id}/cancel`, { reason: "cancelled from the portal" }))}>
                Cancel run
              </button>
            )}
            {RERUNNABLE.includes(run.status) && (
              <form
                className="bulk"
                aria-label="Re-run this run"
                onSubmit={(e) => {
                  e.preventDefault();
                  act(async () => navigate(`/runs/${(await rerun(run, reason.trim())).id}`));
                }}
              >
                <label htmlFor="rerun-reason">Reason</label>
                <input id="rerun-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
                <button type="submit" disabled={busy || !reason.trim()}>
                  Re-run
                </button>
              </form>
            )}
          </div>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {run.errorMessage && (
        <div className="card run-error" role="status">
          <strong>{run.errorType ?? "Error"}</strong>: {run.errorMessage}
        </div>
      )}
    </>
  );
}

function Timeline({ run }: { run: Run }) {
  const entries = timelineOf(run.timeline, run.steps ?? []);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Steps</h2>
      {entries.length === 0 ? (
        <p className="muted">{isEnded(run.status) ? "This run recorded no steps." : "No step has started yet."}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((e) => (
            <li key={e.key} className={`tl tl-${e.state}`}>
              <span className="tl-dot" aria-hidden="true" />
              <div className="tl-body">
                <div className="tl-line">
                  <strong>{e.step}</strong>
                  {e.target && <span className="mono"> {e.target}</span>}
                  <StatusBadge status={e.state} />
                </div>
                <div className="muted small">
                  started {when(e.startedAt)} · {e.endedAt ? `took ${duration(e.startedAt, e.endedAt)}` : `${e.state === "running" ? "running" : e.state} for ${duration(e.startedAt)}`}
                  {e.attempts > 1 && ` · ${e.attempts} attempts`}
                </div>
                {e.errorMessage && (
                  // A step that went on to succeed keeps its last error, but not in alarm colours.
                  <div className={e.state === "succeeded" ? "tl-error tl-error-past" : "tl-error"}>
                    {e.state === "succeeded" && "Earlier attempt: "}
                    {e.errorType && <span className="mono">{e.errorType}: </span>}
                    {e.errorMessage}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RunFacts({ run }: { run: Run }) {
  return (
    <aside className="card facts" aria-label="Run facts">
      <dl>
        <dt>Requested by</dt>
        <dd>
          {run.requestedBy}
          {run.viaSchedule ? ` via schedule ${run.viaSchedule}` : ""}
          {run.rerunBy ? ` (re-run by ${run.rerunBy})` : ""}
        </dd>
        <dt>Reason</dt>
        <dd>{run.reason}</dd>
        <dt>Site</dt>
        <dd>{run.siteCode ?? "—"}</dd>
        <dt>Created</dt>
        <dd>{when(run.createdAt)}</dd>
        <dt>Started</dt>
        <dd>{when(run.startedAt)}</dd>
        <dt>Ended</dt>
        <dd>{when(run.endedAt)}</dd>
        <dt>Took</dt>
        <dd>{run.startedAt ? duration(run.startedAt, run.endedAt) : "—"}</dd>
        {run.rerunOf && (
          <>
            <dt>Re-run of</dt>
            <dd>
              <Link to={`/runs/${run.rerunOf}`} className="mono">
                {run.rerunOf.slice(0, 8)}
              </Link>
            </dd>
          </>
        )}
        <Reruns run={run} />
        <dt>Run id</dt>
        <dd className="mono small">{run.id}</dd>
      </dl>
      <h3>Parameters</h3>
      <dl className="params">
        {Object.entries(run.params ?? {}).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="mono">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

/** The runs started as re-runs of this one (GET /api/v1/runs?rerunOf=), newest first. */
function Reruns({ run }: { run: Run }) {
  const { data } = useApi<RunList>(`/api/v1/runs?rerunOf=${encodeURIComponent(run.id)}&limit=20`, 5000);
  if (!data || data.items.length === 0) return null;
  return (
    <>
      <dt>Re-runs</dt>
      <dd>
        <ul className="plain" data-testid="reruns">
          {data.items.map((r) => (
            <li key={r.id}>
              <Link to={`/runs/${r.id}`} className="mono">
                {r.id.slice(0, 8)}
              </Link>{" "}
              <StatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}
