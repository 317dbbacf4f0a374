import { useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/http";
import { randomKey } from "../api/ids";
import { startRun } from "../api/runs";
import type { Cluster, Hypervisor, Network, Operation, Site, Switch } from "../api/types";
import { Empty, ErrorState, Loading } from "../components/states";
import { useApi } from "../components/useApi";
import { SchemaForm, type Option, type Pickers } from "../form/SchemaForm";
import { initialValues, problemsFromServer, toParams, validate, type Problems, type RawValues } from "../form/schema";
import { useCan } from "../session";

export function CatalogPage() {
  const { operation } = useParams();
  const ops = useApi<Operation[]>("/api/v1/operations");
  if (ops.error) return <ErrorState error={ops.error} retry={ops.reload} />;
  if (!ops.data) return <Loading what="operations" />;
  const chosen = ops.data.find((o) => o.name === operation);
  return (
    <section>
      <h1>Catalog</h1>
      <div className="catalog">
        <nav aria-label="Operations" className="card op-list">
          {ops.data.length === 0 ? (
            <Empty>No operations are installed.</Empty>
          ) : (
            <ul>
              {ops.data.map((o) => (
                <li key={o.name}>
                  <Link to={`/catalog/${o.name}`} aria-current={o.name === operation ? "page" : undefined} className="op-link">
                    <strong>{o.title}</strong>
                    <span className="muted small">{o.description}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {chosen ? (
          <StartForm key={chosen.name} op={chosen} />
        ) : operation ? (
          <Empty>There is no operation named {operation}.</Empty>
        ) : (
          <Empty>Choose an operation to see its form.</Empty>
        )}
      </div>
    </section>
  );
}

/** The pickers, once every list has answered (a failed list leaves its fields as text inputs). */
function usePickers(): Pickers | undefined {
  const sites = useApi<Site[]>("/api/v1/sites");
  const networks = useApi<Network[]>("/api/v1/networks");
  const hypervisors = useApi<Hypervisor[]>("/api/v1/hypervisors");
  const switches = useApi<Switch[]>("/api/v1/switches");
  const clusters = useApi<Cluster[]>("/api/v1/clusters");
  const lists = [sites, networks, hypervisors, switches, clusters];
  const settled = lists.every((l) => l.data || l.error);
  return useMemo(() => {
    if (!settled) return undefined;
    const siteCode = new Map((sites.data ?? []).map((s) => [s.id, s.code]));
    const named = (items: { name: string; siteId: number }[] | undefined) =>
      (items ?? []).map((i) => ({ value: i.name, label: `${i.name} (${siteCode.get(i.siteId) ?? "?"})`, site: siteCode.get(i.siteId) }));
    const labels = new Map<string, Option>();
    for (const n of networks.data ?? []) {
      const site = siteCode.get(n.siteId);
      for (const l of n.labels) labels.set(`${site}/${l}`, { value: l, label: `${l} (${site ?? "?"})`, site });
    }
    return {
      site: (sites.data ?? []).map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` })),
      network: named(networks.data),
      networkId: (networks.data ?? []).map((n) => ({
        value: String(n.id),
        label: `${n.name} (${siteCode.get(n.siteId) ?? "?"}) · ${n.cidr} · VLAN ${n.vlan}`,
        site: siteCode.get(n.siteId),
      })),
      networkLabel: [...labels.values()].sort((a, b) => a.label.localeCompare(b.label)),
      hypervisor: named(hypervisors.data),
      switch: named(switches.data),
      cluster: named(clusters.data),
    };
  }, [settled, sites.data, networks.data, hypervisors.data, switches.data, clusters.data]);
}

function StartForm({ op }: { op: Operation }) {
  const canStart = useCan("operator");
  const navigate = useNavigate();
  const pickers = usePickers();
  const [values, setValues] = useState<RawValues>(() => initialValues(op.schema));
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  // One key per form: a double click (or a retried request) starts one run, not two.
  const key = useRef(randomKey());

  const reasonProblem = reason.trim() === "" ? "is required" : reason.length > 2000 ? "must be at most 2000 characters" : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const found = validate(op.schema, values);
    setProblems(found);
    if (Object.keys(found).length > 0 || reasonProblem) {
      setError("Fix the marked fields, then start again.");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const run = await startRun({ operation: op.name, params: toParams(op.schema, values), reason: reason.trim(), idempotencyKey: key.current });
      navigate(`/runs/${run.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) setProblems(problemsFromServer(err.errors));
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };

  const onChange = (v: RawValues) => {
    setValues(v);
    if (touched) setProblems(validate(op.schema, v));
  };

  // Fields must not turn from text inputs into pickers under the user's hands.
  if (!pickers) return <Loading what="the inventory for the form" />;
  return (
    <form className="card start-form" onSubmit={submit} noValidate aria-labelledby="op-title">
      <h2 id="op-title">{op.title}</h2>
      <p className="muted">{op.description}</p>
      {!canStart && <p className="notice">Your role can see operations but not start them.</p>}
      <fieldset disabled={!canStart || busy}>
        <legend className="visually-hidden">Parameters</legend>
        <SchemaForm schema={op.schema} values={values} problems={problems} onChange={onChange} pickers={pickers} />
        <div className="field">
          <label htmlFor="reason">
            Reason<span className="required" aria-hidden="true"> *</span>
          </label>
          <textarea
            id="reason"
            rows={2}
            value={reason}
            aria-required
            aria-invalid={touched && reasonProblem ? true : undefined}
            aria-describedby={touched && reasonProblem ? "reason-error" : "reason-desc"}
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="reason-desc" className="field-desc">
            Why this run; kept with the run and in the audit log.
          </p>
          {touched && reasonProblem && (
            <p id="reason-error" className="field-error">
              Reason {reasonProblem}
            </p>
          )}
        </div>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {canStart && (
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Starting…" : `Start ${op.title.toLowerCase()}`}
        </button>
      )}
    </form>
  );
}
