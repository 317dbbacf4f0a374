import { useMemo, useState } from "react";
import { del, post } from "../api/http";
import type { LabDevice, LabFault } from "../api/types";
import { Empty, ErrorState, Loading } from "../components/states";
import { when } from "../components/time";
import { useApi } from "../components/useApi";
import { useCan } from "../session";

const TYPES: { value: string; label: string }[] = [
  { value: "down", label: "down — no SSH or SNMP answer" },
  { value: "auth-refused", label: "auth refused — right password fails" },
  { value: "latency", label: "latency — delay every answer" },
  { value: "hang", label: "hang — never answer" },
  { value: "drop", label: "drop — cut the next answer halfway" },
  { value: "garbage", label: "garbage — scrambled output" },
  { value: "command-fails", label: "command fails — lines with a prefix are rejected" },
  { value: "link-flap", label: "link flap — an interface goes down and up" },
];
const GROUPS = ["leaves", "spines", "switches", "hypervisors", "clusters", "*"];

/** The lab's fault injection: make devices misbehave, watch runs cope, then clear it. */
export function LabPage() {
  const canInject = useCan("operator");
  const devices = useApi<LabDevice[]>("/api/v1/lab/devices");
  const faults = useApi<LabFault[]>("/api/v1/lab/faults", 3000);
  const status = useApi<{ enabled: boolean; drift?: string[] }>("/api/v1/lab/status");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      faults.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (devices.error) return <ErrorState error={devices.error} retry={devices.reload} />;
  if (!devices.data) return <Loading what="the lab" />;
  return (
    <section>
      <h1>Lab</h1>
      <p className="muted">The simulated datacenter this server runs. Faults make its devices misbehave over their real protocols until cleared.</p>
      {status.data?.drift && status.data.drift.length > 0 && (
        <section className="card" role="alert" aria-labelledby="drift-title">
          <h2 id="drift-title">The lab and the inventory disagree</h2>
          <p className="muted">
            The lab's devices start from its topology, so after a restart they no longer hold what the inventory says.
          </p>
          <ul>
            {status.data.drift.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </section>
      )}
      {canInject && <InjectForm devices={devices.data} busy={busy} onInject={(body) => act(() => post("/api/v1/lab/faults", body))} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="faults-title">
        <div className="page-head">
          <h2 id="faults-title">Active faults</h2>
          {canInject && faults.data && faults.data.length > 0 && (
            <button type="button" disabled={busy} onClick={() => act(() => del("/api/v1/lab/faults"))}>
              Clear all
            </button>
          )}
        </div>
        {faults.error && <ErrorState error={faults.error} retry={faults.reload} />}
        {!faults.data ? (
          <Loading what="faults" />
        ) : faults.data.length === 0 ? (
          <Empty>No faults: every device behaves.</Empty>
        ) : (
          <table>
            <caption className="visually-hidden">Active faults</caption>
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col">Fault</th>
                <th scope="col">Details</th>
                <th scope="col">Since</th>
                {canInject && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {faults.data.map((f, i) => (
                <tr key={`${f.target}-${i}`}>
                  <td className="mono">{f.target}</td>
                  <td>{f.type}</td>
                  <td className="mono">{f.latencyMs !== undefined ? `${f.latencyMs} ms` : (f.command ?? f.interfaceName ?? "")}</td>
                  <td>{when(f.since)}</td>
                  {canInject && (
                    <td>
                      <button type="button" disabled={busy} onClick={() => act(() => del(`/api/v1/lab/faults/${encodeURIComponent(f.target)}`))} aria-label={`Clear faults on ${f.target}`}>
                        Clear
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

function InjectForm({ devices, busy, onInject }: { devices: LabDevice[]; busy: boolean; onInject: (body: Record<string, unknown>) => void }) {
  const [target, setTarget] = useState("");
  const [type, setType] = useState("down");
  const [latencyMs, setLatencyMs] = useState("200");
  const [command, setCommand] = useState("");
  const [iface, setIface] = useState("");
  const sites = useMemo(() => [...new Set(devices.map((d) => d.site))], [devices]);
  const sorted = useMemo(() => [...devices].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })), [devices]);
  const missing = !target || (type === "latency" && !/^\d+$/.test(latencyMs)) || (type === "command-fails" && !command.trim()) || (type === "link-flap" && !iface.trim());

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (missing) return;
    const body: Record<string, unknown> = { target, type };
    if (type === "latency") body.latencyMs = Number(latencyMs);
    if (type === "command-fails") body.command = command.trim();
    if (type === "link-flap") body.interfaceName = iface.trim();
    onInject(body);
  };

  return (
    <form className="card inject" onSubmit={submit} aria-labelledby="inject-title">
      <h2 id="inject-title">Inject a fault</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="lab-target">Target</label>
          <select id="lab-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose a device or group…</option>
            <optgroup label="Groups">
              {[...sites, ...GROUPS].map((g) => (
                <option key={g} value={g}>
                  {g === "*" ? "* (every device)" : g}
                </option>
              ))}
            </optgroup>
            <optgroup label="Devices">
              {sorted.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name} ({d.role ?? d.kind})
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label htmlFor="lab-type">Fault</label>
          <select id="lab-type" value={type} onChange={(e) => setType(e.target.value)}>
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {type === "latency" && (
          <div className="field">
            <label htmlFor="lab-latency">Latency (ms)</label>
            <input id="lab-latency" inputMode="numeric" value={latencyMs} onChange={(e) => setLatencyMs(e.target.value)} />
          </div>
        )}
        {type === "command-fails" && (
          <div className="field">
            <label htmlFor="lab-command">Command prefix</label>
            <input id="lab-command" value={command} placeholder="e.g. show lldp" onChange={(e) => setCommand(e.target.value)} />
          </div>
        )}
        {type === "link-flap" && (
          <div className="field">
            <label htmlFor="lab-interface">Interface</label>
            <input id="lab-interface" value={iface} placeholder="e.g. Ethernet1/3" onChange={(e) => setIface(e.target.value)} />
          </div>
        )}
        <button type="submit" className="primary" disabled={busy || missing}>
          Inject
        </button>
      </div>
    </form>
  );
}
