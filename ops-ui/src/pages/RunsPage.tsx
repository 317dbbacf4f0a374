import { useCallback, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { ApiError, get } from "../api/http";
import { rerunAll } from "../api/runs";
import { statusLabel, type KnownStatus } from "../api/status";
import type { Operation, Run, RunPage, Site } from "../api/types";
import { RunsTable } from "../components/RunsTable";
import { Empty, ErrorState, Loading } from "../components/states";
import { useApi } from "../components/useApi";
import { useCan } from "../session";

const PAGE = 50;
const FILTERS = ["status", "operation", "site", "requestedBy", "from", "to"] as const;

/** The API wants ISO instants; datetime-local inputs give local wall time without a zone. */
function toQuery(params: URLSearchParams): string {
  const q = new URLSearchParams();
  for (const f of FILTERS) {
    const v = params.get(f);
    if (!v) continue;
    q.set(f, f === "from" || f === "to" ? new Date(v).toISOString() : v);
  }
  q.set("limit", String(PAGE));
  return q.toString();
}

export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const canRerun = useCan("operator");
  const ops = useApi<Operation[]>("/api/v1/operations");
  const sites = useApi<Site[]>("/api/v1/sites");
  const statuses = useApi<KnownStatus[]>("/api/v1/runs/statuses");
  const [runs, setRuns] = useState<Run[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string>();
  const [rerunReason, setRerunReason] = useState("");
  const [rerunError, setRerunError] = useState<string>();
  const query = toQuery(params);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await get<RunPage>(`/api/v1/runs?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        setRuns((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNext(page.next);
      } catch (e) {
        setError(e as Error);
        if (!cursor) setRuns([]);
      } finally {
        setLoading(false);
      }
    },
    [query],
  );

  useEffect(() => {
    setSelected(new Set());
    load(null);
  }, [load]);

  const setFilter = (name: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(name, value);
    else p.delete(name);
    setParams(p, { replace: true });
  };

  const onSelect = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const s = new Set(prev);
      ids.forEach((id) => (on ? s.add(id) : s.delete(id)));
      return s;
    });

  const rerunSelected = async (e: React.FormEvent) => {
    e.preventDefault();
    setRerunError(undefined);
    try {
      const batch = await rerunAll([...selected], rerunReason.trim());
      setNotice(`Re-running ${batch.runs.length} run(s), ${batch.perSecond} a second.`);
      setSelected(new Set());
      setRerunReason("");
      load(null);
    } catch (err) {
      const problems = err instanceof ApiError ? err.errors.map((p) => `${p.field} ${p.message}`).join("; ") : "";
      setRerunError(`${(err as Error).message}${problems ? `: ${problems}` : ""}`);
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>Runs</h1>
        {canRerun && selected.size > 0 && (
          <form className="bulk" onSubmit={rerunSelected} aria-label="Re-run selected runs">
            <label htmlFor="rerun-reason">Reason</label>
            <input id="rerun-reason" value={rerunReason} required onChange={(e) => setRerunReason(e.target.value)} />
            <button type="submit" className="primary" disabled={!rerunReason.trim()}>
              Re-run selected ({selected.size})
            </button>
          </form>
        )}
      </div>
      {rerunError && (
        <p className="form-error" role="alert">
          {rerunError}
        </p>
      )}
      <form className="filters card" role="search" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={params.get("status") ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">any</option>
            {(statuses.data ?? []).map((s) => (
              <option key={s.value} value={s.value}>
                {statusLabel(s.value)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-operation">Operation</label>
          <select id="f-operation" value={params.get("operation") ?? ""} onChange={(e) => setFilter("operation", e.target.value)}>
            <option value="">any</option>
            {(ops.data ?? []).map((o) => (
              <option key={o.name} value={o.name}>
                {o.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-site">Site</label>
          <select id="f-site" value={params.get("site") ?? ""} onChange={(e) => setFilter("site", e.target.value)}>
            <option value="">any</option>
            {(sites.data ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-requester">Requested by</label>
          <input id="f-requester" defaultValue={params.get("requestedBy") ?? ""} onBlur={(e) => setFilter("requestedBy", e.target.value.trim())} onKeyDown={(e) => e.key === "Enter" && setFilter("requestedBy", e.currentTarget.value.trim())} />
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" type="datetime-local" value={params.get("from") ?? ""} onChange={(e) => setFilter("from", e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" type="datetime-local" value={params.get("to") ?? ""} onChange={(e) => setFilter("to", e.target.value)} />
        </div>
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorState error={error} retry={() => load(null)} />}
      {!error && runs.length === 0 && !loading && <Empty>No runs match these filters.</Empty>}
      {runs.length > 0 && (
        <div className="card table-card">
          <RunsTable runs={runs} caption="Runs, newest first" selected={canRerun ? selected : undefined} onSelect={canRerun ? onSelect : undefined} />
          <div className="table-foot">
            <span className="muted">
              {runs.length} run(s) shown{next ? ", more available" : ""}
            </span>
            {next && (
              <button type="button" onClick={() => load(next)} disabled={loading}>
                {loading ? "Loading…" : "Load more"}
              </button>
            )}
          </div>
        </div>
      )}
      {loading && runs.length === 0 && <Loading what="runs" />}
    </section>
  );
}
