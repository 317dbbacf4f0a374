// A mesh control-plane canary in its own terms: per IDC the cohorts as a stepper, pods and
// namespaces per revision, every analysis interval with each metric's score, and how it ended
// (promoted, or rolled back and why). The data is the workflow's own view (GET /runs/{id}/view);
// a marginal analysis's judgement is the run's pending approval, shown by the pending panel above.
import type { Run } from "../api/types";
import { isEnded } from "../api/status";
import { useApi } from "../components/useApi";

interface MetricScore {
  metric: string;
  canary: number | null;
  baseline: number | null;
  pValue: number | null;
  threshold: number;
  verdict: string;
}

interface AnalysisReport {
  cohort: number;
  interval: number;
  score: number;
  verdict: string;
  reason: string;
  queries: number;
  metrics: MetricScore[];
}

interface IdcView {
  idc: string;
  state: string;
  cohort: number;
  cohorts: number[];
  namespacesByRevision: Record<string, number>;
  podsByRevision: Record<string, number>;
  analyses: AnalysisReport[];
  detail: string | null;
}

interface CanaryView {
  outcome: string;
  idcs: IdcView[];
}

const OUTCOMES: Record<string, string> = {
  running: "in progress",
  promoted: "promoted: the revision tag names the canary, the old revision is retired",
  "rolled-back": "rolled back: every namespace is on the stable revision again",
};

const num = (v: number | null | undefined) => (v === null || v === undefined ? "–" : Number(v.toPrecision(4)).toString());

export function MeshCanarySummary({ run }: { run: Run }) {
  const live = !isEnded(run.status);
  const { data: view } = useApi<CanaryView>(`/api/v1/runs/${run.id}/view`, 1500, () => live);
  if (!view) return null;
  return (
    <section className="card" aria-labelledby="canary-title" data-testid="canary-summary">
      <h2 id="canary-title">Canary: {OUTCOMES[view.outcome] ?? view.outcome}</h2>
      {view.idcs.map((idc) => (
        <IdcPanel key={idc.idc} idc={idc} />
      ))}
    </section>
  );
}

function IdcPanel({ idc }: { idc: IdcView }) {
  return (
    <div className="canary-idc">
      <h3>
        IDC {idc.idc} <span className="muted">— {idc.state}</span>
      </h3>
      {idc.detail && <p data-testid="canary-detail">{idc.detail}</p>}
      <ol className="stepper" aria-label="cohorts">
        {idc.cohorts.map((pct, i) => {
          const n = i + 1;
          const state = n < idc.cohort || idc.state === "promoted" || (n === idc.cohort && idc.state === "promoting") ? "done" : n === idc.cohort ? "current" : "todo";
          return (
            <li key={n} className={`step-${state}`}>
              cohort {n}: {pct} %
            </li>
          );
        })}
        <li className={idc.state === "promoted" ? "step-done" : idc.state === "promoting" || idc.state === "soaking" ? "step-current" : "step-todo"}>promote</li>
      </ol>
      <table aria-label="pods per revision">
        <thead>
          <tr>
            <th>revision</th>
            <th>namespaces</th>
            <th>pods</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(new Set([...Object.keys(idc.podsByRevision), ...Object.keys(idc.namespacesByRevision)])).map((rev) => (
            <tr key={rev}>
              <td className="mono">{rev}</td>
              <td>{idc.namespacesByRevision[rev] ?? 0}</td>
              <td>{idc.podsByRevision[rev] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {idc.analyses.length > 0 && (
        <table aria-label="analysis" data-testid="canary-analysis">
          <thead>
            <tr>
              <th>cohort</th>
              <th>interval</th>
              <th>metric</th>
              <th>canary</th>
              <th>baseline</th>
              <th>p</th>
              <th>threshold</th>
              <th>verdict</th>
            </tr>
          </thead>
          <tbody>
            {idc.analyses.flatMap((a) => [
              <tr key={`${a.cohort}-${a.interval}`} className={`verdict-${a.verdict}`}>
                <td>{a.cohort}</td>
                <td>{a.interval}</td>
                <td colSpan={5}>
                  score {num(a.score)} — {a.reason} <span className="muted">({a.queries} PromQL queries)</span>
                </td>
                <td>
                  <strong>{a.verdict}</strong>
                </td>
              </tr>,
              ...a.metrics.map((m) => (
                <tr key={`${a.cohort}-${a.interval}-${m.metric}`}>
                  <td />
                  <td />
                  <td className="mono">{m.metric}</td>
                  <td>{num(m.canary)}</td>
                  <td>{num(m.baseline)}</td>
                  <td>{num(m.pValue)}</td>
                  <td>{num(m.threshold)}</td>
                  <td>{m.verdict}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
    </div>
  );
}
