// An instance-spawn run in its own terms: which host, which address, which leaves are done.
// Everything comes from the run itself (steps, result) and, while it runs, the instance's row
// (GET /api/v1/instances), which holds the host once placed and the address once active.
import type { Instance, Run } from "../api/types";
import { isEnded } from "../api/status";
import { StatusBadge } from "../components/StatusBadge";
import { useApi } from "../components/useApi";
import { timelineOf } from "./timeline";

/** What each step means to someone waiting for an instance. */
export const SPAWN_STAGES: Record<string, string> = {
  validate: "checking the request",
  place: "choosing a host",
  "allocate-port": "allocating an address",
  "define-start": "starting the domain",
  plug: "plugging into br-int",
  "bind-port": "binding the port to the host",
  "find-leaves": "finding the host's leaves",
  "plan-overlay": "planning the leaves' configuration",
  "approve-overlay": "waiting for an approver",
  "ensure-overlay": "configuring the leaves",
  verify: "verifying leaves and domain",
  activate: "activating",
};

interface SpawnResult {
  hypervisor?: string;
  ip?: string;
  mac?: string;
  vlan?: number;
  vni?: number;
  leaves?: string[];
}

export function SpawnSummary({ run }: { run: Run }) {
  const name = String(run.params?.name ?? "");
  const live = !isEnded(run.status);
  const site = run.siteCode ?? String(run.params?.site ?? "");
  const { data: instances } = useApi<Instance[]>(site ? `/api/v1/instances?site=${encodeURIComponent(site)}` : null, 1500, () => live);
  const instance = instances?.find((i) => i.name === name);
  const result = (run.status === "succeeded" ? run.result : undefined) as SpawnResult | undefined;
  const entries = timelineOf(run.timeline, run.steps ?? []);
  const current = [...entries].reverse().find((e) => ["running", "failed", "parked"].includes(e.state));
  const host = result?.hypervisor ?? instance?.hypervisor ?? entries.find((e) => e.step === "define-start")?.target ?? null;
  const ip = result?.ip ?? instance?.ip ?? null;
  const mac = result?.mac ?? instance?.mac ?? null;
  const leaves = entries.filter((e) => e.step === "ensure-overlay");
  const stage =
    run.status === "succeeded"
      ? "running, reachable on its network"
      : run.status === "awaiting_approval"
        ? SPAWN_STAGES["approve-overlay"]
        : current
          ? current.state === "running"
            ? SPAWN_STAGES[current.step] ?? current.step
            : `stopped at ${SPAWN_STAGES[current.step] ?? current.step}${run.status === "needs_attention" ? ": waiting for an operator" : ""}`
          : live
            ? "starting"
            : "ended before finishing; everything it did was undone";
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
