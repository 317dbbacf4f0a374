// An instance-spawn run in its own terms: which host, which address, which leaves are done.
// Everything comes from the run itself (steps, result) and, while it runs, the instance's row
// (GET /api/v1/instances), which holds the host once placed and the address once active.
import type { Instance, Run, StageLabel } from "../api/types";
import { isEnded } from "../api/status";
import { StatusBadge } from "../components/StatusBadge";
import { useApi } from "../components/useApi";
import { stageOf } from "./stages";
import { timelineOf } from "./timeline";

/** A spawn's end in its own terms: the instance is up, or everything was undone. */
const ENDINGS = {
  succeeded: "running, reachable on its network",
  unfinished: "ended before finishing; everything it did was undone",
};

interface SpawnResult {
  hypervisor?: string;
  ip?: string;
  mac?: string;
  vlan?: number;
  vni?: number;
  leaves?: string[];
}

export function SpawnSummary({ run, stages }: { run: Run; stages: StageLabel[] }) {
  const name = String(run.params?.name ?? "");
  const live = !isEnded(run.status);
  const site = run.siteCode ?? String(run.params?.site ?? "");
  const { data: instances } = useApi<Instance[]>(site ? `/api/v1/instances?site=${encodeURIComponent(site)}` : null, 1500, () => live);
  const instance = instances?.find((i) => i.name === name);
  const result = (run.status === "succeeded" ? run.result : undefined) as SpawnResult | undefined;
  const entries = timelineOf(run.timeline, run.steps ?? []);
  const host = result?.hypervisor ?? instance?.hypervisor ?? entries.find((e) => e.step === "define-start")?.target ?? null;
  const ip = result?.ip ?? instance?.ip ?? null;
  const mac = result?.mac ?? instance?.mac ?? null;
  const leaves = entries.filter((e) => e.step === "ensure-overlay");
  const stage = stageOf(run, stages, ENDINGS);
  return (
    <section className="card" aria-labelledby="spawn-title" data-testid="spawn-summary">
      <h2 id="spawn-title">
        Instance <span className="mono">{name}</span>
      </h2>
      <dl className="spawn-facts">
        <dt>Stage</dt>
        <dd data-testid="spawn-stage">{stage}</dd>
        <dt>Kind</dt>
        <dd>
          {String(run.params?.kind ?? "vm")}, {String(run.params?.vcpus ?? "?")} vCPU, {String(run.params?.memoryMiB ?? "?")} MiB
        </dd>
        <dt>Host</dt>
        <dd className="mono" data-testid="spawn-host">
          {host ?? "not placed yet"}
        </dd>
        <dt>Address</dt>
        <dd className="mono" data-testid="spawn-ip">
          {ip ? `${ip}${mac ? ` · ${mac}` : ""}` : live ? "shown once the instance is active" : "—"}
          {result?.vlan !== undefined && <span className="muted"> · VLAN {result.vlan}, VNI {result.vni ?? "—"}</span>}
        </dd>
        <dt>Leaves</dt>
        <dd>
          {leaves.length === 0 ? (
            <span className="muted">not configured yet</span>
          ) : (
            <ul className="leaf-list" data-testid="spawn-leaves">
              {leaves.map((l) => (
                <li key={l.key}>
                  <span className="mono">{l.target}</span> <StatusBadge status={l.state === "succeeded" ? "configured" : l.state} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
