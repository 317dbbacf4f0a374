import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, type FieldProblem } from "../api/http";
import type { JsonSchema } from "../api/types";
import { Empty, ErrorState, Loading } from "../components/states";
import { useApi } from "../components/useApi";
import { SchemaForm } from "../form/SchemaForm";
import { initialValues, toParams, type RawValues } from "../form/schema";
import {
  createRunbook,
  diff,
  dryRun,
  getVersion,
  updateRunbook,
  validateSource,
  type DiffLine,
  type Plan,
  type RunbookSummary,
  type RunbookVersion,
  type VersionSummary,
} from "../runbook/api";
import { Editor } from "../runbook/Editor";
import { useCan } from "../session";

const STARTER = `name: my-runbook
title: My runbook
params:
  type: object
  required: [site]
  properties:
    site: {type: string, maxLength: 8}
site: site
steps:
  - id: hello
    action: log
    input: {message: "hello \${params.site}"}
`;

/** Runbooks: the list, and for one the editor with live validation, its params, versions and dry run. */
export function RunbooksPage() {
  const { name } = useParams();
  const list = useApi<RunbookSummary[]>("/api/v1/runbooks");
  if (list.error) return <ErrorState error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading what="runbooks" />;
  return (
    <section>
      <h1>Runbooks</h1>
      <div className="catalog">
        <nav aria-label="Runbooks" className="card op-list">
          <ul>
            <li>
              <Link to="/runbooks/new" className="op-link" aria-current={name === "new" ? "page" : undefined}>
                <strong>New runbook</strong>
              </Link>
            </li>
            {list.data.map((r) => (
              <li key={r.name}>
                <Link to={`/runbooks/${r.name}`} className="op-link" aria-current={r.name === name ? "page" : undefined}>
                  <strong>{r.title}</strong>
                  <span className="muted small">
                    {r.name} v{r.latestVersion} · {r.updatedBy}
                    {r.archived ? " · archived" : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {name ? <RunbookEditor key={name} name={name === "new" ? undefined : name} onSaved={list.reload} /> : <Empty>Choose a runbook, or write a new one.</Empty>}
      </div>
    </section>
  );
}

function RunbookEditor({ name, onSaved }: { name?: string; onSaved: () => void }) {
  const canEdit = useCan("operator");
  const navigate = useNavigate();
  const latest = useApi<RunbookVersion>(name ? `/api/v1/runbooks/${name}` : null);
  const history = useApi<VersionSummary[]>(name ? `/api/v1/runbooks/${name}/versions` : null);
  const [source, setSource] = useState<string>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [params, setParams] = useState<JsonSchema>();
  const [values, setValues] = useState<RawValues>({});
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string>();
  const [plan, setPlan] = useState<Plan>();
  const [shown, setShown] = useState<{ title: string; lines: DiffLine[] }>();
  const text = source ?? latest.data?.source ?? (name ? undefined : STARTER);

  // Live validation: each edit is checked by the server after a short pause; nothing is saved.
  useEffect(() => {
    if (text === undefined || !canEdit) return;
    const t = setTimeout(() => {
      validateSource(text)
        .then((v) => {
          setProblems([]);
          setParams(v.definition.params);
        })
        .catch((e) => setProblems(e instanceof ApiError ? e.errors : [{ field: "source", message: String(e) }]));
    }, 400);
    return () => clearTimeout(t);
  }, [text, canEdit]);
  useEffect(() => {
    if (params) setValues(initialValues(params));
  }, [params]);

  if (name && latest.error) return <ErrorState error={latest.error} retry={latest.reload} />;
  if (text === undefined) return <Loading what="the runbook" />;

  const save = async () => {
    setMessage(undefined);
    try {
      const saved = name
        ? await updateRunbook(name, text, latest.data!.version, reason.trim())
        : await createRunbook(text, reason.trim());
      setMessage(`Saved as version ${saved.version}: ${saved.operation}`);
      onSaved();
      if (name) {
        latest.reload();
        history.reload();
      } else navigate(`/runbooks/${saved.runbook}`);
    } catch (e) {
      if (e instanceof ApiError && e.errors.some((p) => p.line)) setProblems(e.errors);
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const preview = async () => {
    if (!name || !latest.data || !params) return;
    try {
      setPlan(await dryRun(name, latest.data.version, toParams(params, values)));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const showVersion = async (v: VersionSummary) => {
    if (!name) return;
    const lines =
      v.version > 1 ? (await diff(name, v.version - 1, v.version)).lines : (await getVersion(name, v.version)).source.split("\n").map((t) => ({ op: "+" as const, text: t }));
    setShown({ title: `v${v.version - 1} → v${v.version}`, lines });
  };

  return (
    <div className="card runbook">
      <h2>{latest.data ? `${latest.data.title} (v${latest.data.version})` : "New runbook"}</h2>
      <Editor value={text} onChange={setSource} problems={problems} />
      {problems.length === 0 && <p className="muted small">Valid.</p>}
      {canEdit && (
        <div className="row">
          <label>
            Why this version <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </label>
          <button type="button" disabled={problems.length > 0 || reason.trim() === ""} onClick={save}>
            Save
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {params && (
        <fieldset>
          <legend>Parameters (as the run form shows them)</legend>
          <SchemaForm schema={params} values={values} problems={{}} onChange={setValues} idPrefix="rb" />
          {name && latest.data && canEdit && (
            <div className="row">
              <button type="button" onClick={preview}>
                Dry run
              </button>
              <Link to={`/catalog/${latest.data.operation}`}>Start v{latest.data.version}…</Link>
            </div>
          )}
        </fieldset>
      )}
      {plan && <PlanView plan={plan} />}
      {history.data && (
        <section aria-label="Versions">
          <h3>Versions</h3>
          <ul>
            {history.data.map((v) => (
              <li key={v.version}>
                <button type="button" className="link-button" onClick={() => showVersion(v)}>
                  v{v.version}
                </button>{" "}
                {v.createdBy}, {new Date(v.createdAt).toLocaleString()}: {v.reason}
              </li>
            ))}
          </ul>
          {shown && (
            <pre className="diff" aria-label={`Diff ${shown.title}`}>
              {shown.lines.map((l, i) => (
                <div key={i} className={l.op === "+" ? "added" : l.op === "-" ? "removed" : undefined}>
                  {l.op} {l.text}
                </div>
              ))}
            </pre>
          )}
        </section>
      )}
    </div>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  return (
    <section aria-label="Dry run">
      <h3>Dry run of v{plan.version}{plan.site ? ` at ${plan.site}` : ""}</h3>
      <ol>
        {plan.steps.map((s, i) => (
          <li key={i}>
            <strong>{s.step}</strong>
            {s.target ? ` on ${s.target}` : ""} — {s.action ?? s.kind}
            {s.undo ? ` (undo: ${s.undo})` : ""}
            {s.detail && <div className="muted small">{s.detail}</div>}
            {s.input !== undefined && s.input !== null && <pre className="small">{JSON.stringify(s.input, null, 2)}</pre>}
            {s.lines.length > 0 && <pre className="lines">{s.lines.join("\n")}</pre>}
          </li>
        ))}
      </ol>
      {plan.notes.map((n, i) => (
        <p key={i} className="muted small">
          {n}
        </p>
      ))}
    </section>
  );
}
