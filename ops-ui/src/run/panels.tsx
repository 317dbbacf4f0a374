// Panels for what operator control adds to a run. They render only when the run detail carries
// the field, so nothing here pretends a decision exists before the server reports one.
import { useState } from "react";
import { post } from "../api/http";
import type { Approval, Compensation, PendingDecision, Progress, Run } from "../api/types";
import { StatusBadge } from "../components/StatusBadge";
import { when } from "../components/time";
import { SchemaForm } from "../form/SchemaForm";
import { initialValues, toParams, validate, type RawValues } from "../form/schema";
import { useCan } from "../session";

function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (path: string, body: unknown) => {
    setBusy(true);
    setError(undefined);
    try {
      await post(path, body);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function DecisionPanel({ run, decision, onDone }: { run: Run; decision: PendingDecision; onDone: () => void }) {
  const canDecide = useCan("operator");
  const action = useAction(onDone);
  const [reason, setReason] = useState("");
  const schema = decision.inputSchema;
  const [values, setValues] = useState<RawValues>(() => {
    if (!schema) return {};
    const v = initialValues(schema);
    for (const [k, x] of Object.entries(decision.input ?? {})) v[k] = typeof x === "boolean" ? x : Array.isArray(x) ? x.join("\n") : String(x);
    return v;
  });
  const problems = schema ? validate(schema, values) : {};
  const base = `/api/v1/runs/${run.id}`;
  return (
    <section className="card decision" aria-labelledby="decision-title">
      <h2 id="decision-title">Needs attention: {decision.step}</h2>
      <p>
        {decision.target && <span className="mono">{decision.target} </span>}
        failed{decision.attempts ? ` after ${decision.attempts} attempts` : ""}: <span className="mono">{decision.errorType}</span> {decision.errorMessage}
      </p>
      {canDecide ? (
        <>
          {schema && <SchemaForm schema={schema} values={values} problems={problems} onChange={setValues} idPrefix="retry" />}
          <div className="field">
            <label htmlFor="decision-reason">Reason</label>
            <input id="decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={action.busy || Object.keys(problems).length > 0}
              onClick={() => action.run(`${base}/retry`, { reason, input: schema ? toParams(schema, values) : undefined })}
            >
              Retry step
            </button>
            {decision.canSkip && (
              <button type="button" disabled={action.busy} onClick={() => action.run(`${base}/skip`, { reason })}>
                Skip step
              </button>
            )}
            <button type="button" className="danger" disabled={action.busy} onClick={() => action.run(`${base}/abort`, { reason })}>
              Abort run
            </button>
          </div>
        </>
      ) : (
        <p className="muted">An operator decides how this run goes on.</p>
      )}
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}

export function ApprovalPanel({ run, approval, onDone }: { run: Run; approval: Approval; onDone: () => void }) {
  const canApprove = useCan("approver");
  const action = useAction(onDone);
  const [reason, setReason] = useState("");
  const base = `/api/v1/runs/${run.id}`;
  return (
    <section className="card approval" aria-labelledby="approval-title">
      <h2 id="approval-title">Awaiting approval: {approval.step}</h2>
      <pre className="plan">{approval.plan}</pre>
      {canApprove ? (
        <>
          <div className="field">
            <label htmlFor="approval-reason">Reason</label>
            <input id="approval-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="primary" disabled={action.busy} onClick={() => action.run(`${base}/approve`, { reason })}>
              Approve
            </button>
            <button type="button" className="danger" disabled={action.busy} onClick={() => action.run(`${base}/reject`, { reason })}>
              Reject
            </button>
          </div>
        </>
      ) : (
        <p className="muted">An approver has to approve this step.</p>
      )}
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}

export function CompensationLog({ entries }: { entries: Compensation[] }) {
  return (
    <section className="card" aria-labelledby="comp-title">
      <h2 id="comp-title">Compensations</h2>
      <ol className="timeline">
        {entries.map((c, i) => (
          <li key={i} className={`tl tl-${c.status}`}>
            <span className="tl-dot" aria-hidden="true" />
            <div className="tl-body">
              <strong>{c.step}</strong> {c.target && <span className="mono">{c.target}</span>} <StatusBadge status={c.status} />
              <div className="muted small">{when(c.at)}</div>
              {c.errorMessage && <div className="tl-error">{c.errorMessage}</div>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ProgressPanel({ progress }: { progress: Progress }) {
  const pct = progress.total ? Math.min(100, Math.round(((progress.done ?? 0) / progress.total) * 100)) : undefined;
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress{progress.phase ? `: ${progress.phase}` : ""}</h2>
      {pct !== undefined && (
        <>
          <progress max={100} value={pct} aria-labelledby="progress-title" />
          <span className="small">
            {progress.done} of {progress.total} {progress.unit ?? ""} ({pct}%)
          </span>
        </>
      )}
      {progress.figures && (
        <dl className="figures">
          {Object.entries(progress.figures).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
