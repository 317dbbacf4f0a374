// What operator control adds to a run: the decision it is parked on, its progress, and its
// compensations. Each renders only when the run detail carries it.
import { useState } from "react";
import { ApiError, post } from "../api/http";
import type { Pending, Progress, Run, Step } from "../api/types";
import { StatusBadge } from "../components/StatusBadge";
import { duration, when } from "../components/time";
import { useCan, useSession } from "../session";

const TITLES: Record<string, string> = {
  failure: "Needs attention",
  approval: "Awaiting approval",
  compensation: "A compensation failed",
};

/** A parked step and the answers its kind allows (contracts/control/Actions). */
export function PendingPanel({ run, pending, onDone }: { run: Run; pending: Pending; onDone: () => void }) {
  const { me } = useSession();
  const canOperate = useCan("operator");
  const canApprove = useCan("approver");
  const [reason, setReason] = useState("");
  const [input, setInput] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const approval = pending.kind === "approval";
  const ownRun = approval && me.username === run.requestedBy;
  const allowed = approval ? canApprove && !ownRun : canOperate;
  const id = `pending-${pending.step}-${pending.target ?? ""}`.replace(/[^a-zA-Z0-9-]/g, "-");

  const decide = async (action: string) => {
    setError(undefined);
    let edited: unknown;
    if (action === "retry-step" && input.trim()) {
      try {
        edited = JSON.parse(input);
      } catch {
        setError("The edited input is not valid JSON.");
        return;
      }
    }
    setBusy(true);
    try {
      await post(`/api/v1/runs/${run.id}/${action}`, { step: pending.step, target: pending.target, reason: reason.trim(), input: edited });
      setReason("");
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card pending" aria-labelledby={id} data-testid="pending">
      <h2 id={id}>
        {TITLES[pending.kind] ?? pending.kind}: {pending.step}
        {pending.target && <span className="mono"> {pending.target}</span>}
      </h2>
      {pending.errorMessage && (
        <p>
          {pending.attempt > 1 ? `Failed after ${pending.attempt} attempts: ` : "Failed: "}
          <span className="mono">{pending.errorType}</span> {pending.errorMessage}
        </p>
      )}
      {approval && pending.plan && (
        <>
          <h3>Plan: exactly what approving applies</h3>
          <PlanText plan={pending.plan} />
        </>
      )}
      <p className="muted small">
        {pending.since ? `Parked since ${when(pending.since)}` : `Parked for ${pending.waitingSeconds} s`}
        {pending.expiresAt && ` · expires ${when(pending.expiresAt)}`}
        {pending.role && ` · needs the ${pending.role} role`}
      </p>
      {allowed ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          {pending.kind === "failure" && (
            <div className="field">
              <label htmlFor={`${id}-input`}>Edited input for the retry (JSON, optional)</label>
              <textarea id={`${id}-input`} rows={2} className="mono" value={input} placeholder="leave empty to retry with the same input" onChange={(e) => setInput(e.target.value)} />
            </div>
          )}
          <div className="actions">
            {approval ? (
              <>
                <button type="button" className="primary" disabled={busy || !reason.trim()} onClick={() => decide("approve")}>
                  Approve
                </button>
                <button type="button" className="danger" disabled={busy || !reason.trim()} onClick={() => decide("reject")}>
                  Reject
                </button>
              </>
            ) : (
              <>
                <button type="button" className="primary" disabled={busy || !reason.trim()} onClick={() => decide("retry-step")}>
                  Retry step
                </button>
                {(pending.skippable || pending.kind === "compensation") && (
                  <button type="button" disabled={busy || !reason.trim()} onClick={() => decide("skip-step")}>
                    Skip step
                  </button>
                )}
                {pending.kind === "failure" && (
                  <button type="button" className="danger" disabled={busy || !reason.trim()} onClick={() => decide("abort")}>
                    Abort run
                  </button>
                )}
              </>
            )}
          </div>
        </>
      ) : (
        <p className="muted">
          {ownRun ? "You requested this run: another approver has to approve it." : approval ? "An approver decides this step." : "An operator decides how this run goes on."}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

export function CompensationLog({ entries }: { entries: Step[] }) {
  return (
    <section className="card" aria-labelledby="comp-title">
      <h2 id="comp-title">Compensations</h2>
      <ol className="timeline">
        {entries.map((c) => (
          <li key={c.seq} className={`tl tl-${c.kind}`}>
            <span className="tl-dot" aria-hidden="true" />
            <div className="tl-body">
              <div className="tl-line">
                <strong>{c.step}</strong> {c.target && <span className="mono">{c.target}</span>} <StatusBadge status={c.kind} />
              </div>
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
  const pct = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  const figures = Object.entries(progress.figures ?? {});
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress{progress.phase ? `: ${progress.phase}` : ""}</h2>
      {pct !== undefined && (
        <>
          <progress max={100} value={pct} aria-labelledby="progress-title" />
          <p className="small">
            {progress.done} of {progress.total} steps ({pct}%)
            {progress.step && ` · now ${progress.step}${progress.target ? ` ${progress.target}` : ""}`}
            {/* etaMillis is the expected end as epoch milliseconds. */}
            {progress.etaMillis != null && progress.etaMillis > Date.now() && ` · about ${duration(new Date().toISOString(), new Date(progress.etaMillis).toISOString())} left`}
          </p>
        </>
      )}
      {progress.waitingForLeases && progress.waitingForLeases.length > 0 && <p className="notice">Waiting for {progress.waitingForLeases.join(", ")}</p>}
      {progress.waitingForConditions && progress.waitingForConditions.length > 0 && <p className="notice">Waiting until {progress.waitingForConditions.join(", ")}</p>}
      {figures.length > 0 && (
        <dl className="figures">
          {figures.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v.toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/**
 * A plan as text: unindented lines are headings (a device, or the instance's facts), indented
 * lines are the configuration a device is sent, as its running configuration would show them.
 */
export function PlanText({ plan }: { plan: string }) {
  return (
    <pre className="plan" data-testid="plan">
      {plan.split("\n").map((line, i) => (
        <span key={i} className={line.startsWith("  ") ? "plan-cmd" : line.trim() === "" ? undefined : "plan-head"}>
          {line}
          {"\n"}
        </span>
      ))}
    </pre>
  );
}
