// An HDFS BU migration in its own terms: where it stands on 3:0 → 3:3 → users → soak → 0:3,
// bytes done of total with rate and ETA, the cap (and what stress lowered it to), replicas per DC,
// the fsck. Live figures come from GET /api/v1/runs/{id}/hdfs-migration while the run is live,
// from the run's mirrored progress figures after it ended. Operators change the cap and end the soak.
import { useState } from "react";
import { post } from "../api/http";
import { isEnded } from "../api/status";
import type { Run } from "../api/types";
import { useApi } from "../components/useApi";
import { useCan } from "../session";

interface MigrationProgress {
  phase: string;
  bytesDone: number;
  bytesTotal: number;
  blocksDone: number;
  blocksTotal: number;
  rateBytesPerSec: number;
  averageRateBytesPerSec: number;
  etaSeconds: number;
  capBytesPerSec: number;
  effectiveCapBytesPerSec: number;
  throttleReason: string | null;
  lowRedundancyBlocks: number;
  rpcQueueTimeMs: number;
  linkUtilisation: number;
  replicas: Record<string, number>;
  pauses: number;
  fsckMisplacedBlocks: number;
  fsckStatus: string | null;
  soakCrossDcBytesPerSec: number;
  soakEndedBy: string | null;
}

/** The phases in order, with the placement each leaves (B:C replicas). */
const PHASES: { phase: string; label: string }[] = [
  { phase: "plan", label: "plan 3:0" },
  { phase: "copy", label: "copy 3:0 → 3:3" },
  { phase: "verify", label: "fsck" },
  { phase: "flip", label: "users and queues" },
  { phase: "soak", label: "soak" },
  { phase: "drain", label: "drain 3:3 → 0:3" },
  { phase: "done", label: "done 0:3" },
];

const bytes = (n: number) => {
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
};

const eta = (s: number) => (s < 0 ? "—" : s < 3600 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

/** From the mirrored figures, for a run that ended or a workflow that does not answer. */
function fromFigures(run: Run): MigrationProgress | undefined {
  const f = run.progress?.figures;
  if (!f) return undefined;
  const replicas: Record<string, number> = {};
  for (const [k, v] of Object.entries(f)) if (k.startsWith("replicas.")) replicas[k.slice(9)] = v;
  return {
    phase: run.status === "succeeded" ? "done" : (run.progress?.phase ?? "plan"),
    bytesDone: f["bytes.done"] ?? 0,
    bytesTotal: f["bytes.total"] ?? 0,
    blocksDone: f["blocks.done"] ?? 0,
    blocksTotal: f["blocks.total"] ?? 0,
    rateBytesPerSec: f["rate.bytes-per-sec"] ?? 0,
    averageRateBytesPerSec: 0,
    etaSeconds: f["eta.seconds"] ?? -1,
    capBytesPerSec: f["cap.bytes-per-sec"] ?? 0,
    effectiveCapBytesPerSec: f["cap.effective"] ?? 0,
    throttleReason: null,
    lowRedundancyBlocks: f["low-redundancy-blocks"] ?? 0,
    rpcQueueTimeMs: (f["rpc.queue-us"] ?? 0) / 1000,
    linkUtilisation: (f["link.permille"] ?? 0) / 1000,
    replicas,
    pauses: f["pauses"] ?? 0,
    fsckMisplacedBlocks: -1,
    fsckStatus: null,
    soakCrossDcBytesPerSec: f["soak.cross-dc-bytes-per-sec"] ?? 0,
    soakEndedBy: null,
  };
}

export function HdfsMigrationSummary({ run, onChange }: { run: Run; onChange: () => void }) {
  const live = !isEnded(run.status);
  const { data } = useApi<MigrationProgress>(live ? `/api/v1/runs/${run.id}/hdfs-migration` : null, 1500, () => live);
  const m = (live ? data : undefined) ?? fromFigures(run);
  const canOperate = useCan("operator");
  const [cap, setCap] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const act = async (path: string, body: unknown) => {
    setError(undefined);
    try {
      await post(`/api/v1/runs/${run.id}/hdfs-migration/${path}`, body);
      setReason("");
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const at = PHASES.findIndex((p) => p.phase === m?.phase);
  const share = m && m.bytesTotal > 0 ? Math.min(1, m.bytesDone / m.bytesTotal) : 0;
  return (
    <section className="card" aria-labelledby="hdfs-title" data-testid="hdfs-migration">
      <h2 id="hdfs-title">
        BU <span className="mono">{String(run.params?.bu ?? "")}</span>: DC {String(run.params?.fromDc ?? "")} → DC {String(run.params?.toDc ?? "")}
      </h2>
      <ol className="phase-diagram" aria-label="phases">
        {PHASES.map((p, i) => (
          <li key={p.phase} className={i < at ? "done" : i === at ? "current" : "ahead"} aria-current={i === at ? "step" : undefined}>
            {p.label}
          </li>
        ))}
      </ol>
      {m && (
        <>
          <progress max={1} value={share} aria-label="bytes done" />
          <dl className="spawn-facts">
            <dt>Done</dt>
            <dd data-testid="hdfs-done">
              {bytes(m.bytesDone)} of {bytes(m.bytesTotal)} · {m.blocksDone.toLocaleString()} of {m.blocksTotal.toLocaleString()} blocks
            </dd>
            <dt>Rate</dt>
            <dd>
              {bytes(m.rateBytesPerSec)}/s now{m.averageRateBytesPerSec > 0 && `, ${bytes(m.averageRateBytesPerSec)}/s average`} · ETA {eta(m.etaSeconds)} of window time
            </dd>
            <dt>Cap</dt>
            <dd data-testid="hdfs-cap">
              {bytes(m.capBytesPerSec)}/s
              {m.effectiveCapBytesPerSec !== m.capBytesPerSec && ` (lowered to ${bytes(m.effectiveCapBytesPerSec)}/s${m.throttleReason ? `: ${m.throttleReason}` : ""})`}
            </dd>
            <dt>Replicas</dt>
            <dd data-testid="hdfs-replicas">
              {Object.entries(m.replicas).map(([dc, n]) => `DC ${dc}: ${n.toLocaleString()}`).join(" · ") || "—"}
            </dd>
            <dt>Cluster</dt>
            <dd>
              {m.lowRedundancyBlocks.toLocaleString()} under-replicated · RPC queue {m.rpcQueueTimeMs.toFixed(1)} ms · link {Math.round(m.linkUtilisation * 100)} % · {m.pauses} pauses at window close
            </dd>
            <dt>fsck</dt>
            <dd data-testid="hdfs-fsck">{m.fsckStatus ? `${m.fsckStatus}, ${m.fsckMisplacedBlocks} misplaced` : "not run yet"}</dd>
            {m.phase === "soak" && (
              <>
                <dt>Soak</dt>
                <dd>{bytes(m.soakCrossDcBytesPerSec)}/s cross-DC</dd>
              </>
            )}
          </dl>
        </>
      )}
      {live && canOperate && (
        <form className="bulk" aria-label="Migration controls" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="hdfs-cap-input">Cap (bytes/s)</label>
          <input id="hdfs-cap-input" inputMode="numeric" value={cap} onChange={(e) => setCap(e.target.value)} />
          <label htmlFor="hdfs-reason">Reason</label>
          <input id="hdfs-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" disabled={!/^\d+$/.test(cap) || !reason.trim()} onClick={() => act("cap", { bytesPerSec: Number(cap), reason: reason.trim() })}>
            Set cap
          </button>
          {m?.phase === "soak" && (
            <button type="button" disabled={!reason.trim()} onClick={() => act("end-soak", { reason: reason.trim() })}>
              End soak
            </button>
          )}
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
