// The fabric of one site as a picture model: spines on top, leaves by pair, hypervisors below,
// and the host links discovery found. A hypervisor is a problem when it is not dual-homed to the
// two leaves of one pair, which is how the lab (and the spawn workflow) expect it cabled.
import type { HostLink, Hypervisor, Switch } from "../api/types";

export interface HostProblem {
  hypervisor: string;
  message: string;
}

export function hostProblems(hypervisors: Hypervisor[], switches: Switch[], links: HostLink[]): Map<number, string> {
  const byId = new Map(switches.map((s) => [s.id, s]));
  const problems = new Map<number, string>();
  for (const hv of hypervisors) {
    const own = links.filter((l) => l.hypervisorId === hv.id);
    const peers = own.map((l) => byId.get(l.switchId));
    if (own.length < 2) {
      problems.set(hv.id, own.length === 0 ? "no links found" : "only one link found (needs one to each leaf of a pair)");
    } else if (peers.some((p) => !p || p.role !== "leaf")) {
      problems.set(hv.id, "linked to a switch that is not a leaf");
    } else if (new Set(peers.map((p) => p!.leafPair)).size > 1) {
      problems.set(hv.id, `linked to different pairs (${[...new Set(peers.map((p) => p!.leafPair))].join(", ")})`);
    } else if (new Set(peers.map((p) => p!.id)).size < own.length) {
      problems.set(hv.id, `every link goes to ${peers[0]!.name} (needs both leaves of the pair)`);
    }
  }
  return problems;
}

export interface Node {
  id: number;
  name: string;
  x: number;
  y: number;
}

export interface Layout {
  width: number;
  height: number;
  spines: Node[];
  leaves: (Node & { pair: string | null })[];
  pairs: { pair: string; x: number; width: number }[];
  hypervisors: (Node & { problem?: string })[];
  links: { id: number; from: Node; to: Node; label: string; problem: boolean }[];
}

const HV_GAP = 64;
const MARGIN = 48;
export const ROWS = { spine: 40, leaf: 170, hypervisor: 320 };

function spread(count: number, width: number): number[] {
  const step = width / count;
  return Array.from({ length: count }, (_, i) => step * i + step / 2);
}

export function layout(hypervisors: Hypervisor[], switches: Switch[], links: HostLink[]): Layout {
  const problems = hostProblems(hypervisors, switches, links);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { numeric: true });
  const spineSwitches = switches.filter((s) => s.role === "spine").sort(byName);
  const leafSwitches = switches
    .filter((s) => s.role !== "spine")
    .sort((a, b) => (a.leafPair ?? "").localeCompare(b.leafPair ?? "", undefined, { numeric: true }) || byName(a, b));
  // Hypervisors sit under the pair they are cabled to, so their lines stay short.
  const leafIndex = new Map(leafSwitches.map((s, i) => [s.id, i]));
  const firstLeaf = (hv: Hypervisor) => {
    const idx = links.filter((l) => l.hypervisorId === hv.id).map((l) => leafIndex.get(l.switchId) ?? 99);
    return idx.length ? Math.min(...idx) : 99;
  };
  const hvs = [...hypervisors].sort((a, b) => firstLeaf(a) - firstLeaf(b) || byName(a, b));

  const width = Math.max(hvs.length * HV_GAP, leafSwitches.length * 120, 480) + 2 * MARGIN;
  const inner = width - 2 * MARGIN;
  const spines = spread(spineSwitches.length, inner).map((x, i) => ({ id: spineSwitches[i].id, name: spineSwitches[i].name, x: x + MARGIN, y: ROWS.spine }));
  const leaves = spread(leafSwitches.length, inner).map((x, i) => ({
    id: leafSwitches[i].id,
    name: leafSwitches[i].name,
    pair: leafSwitches[i].leafPair,
    x: x + MARGIN,
    y: ROWS.leaf,
  }));
  const pairs: Layout["pairs"] = [];
  for (const leaf of leaves) {
    if (!leaf.pair) continue;
    const last = pairs[pairs.length - 1];
    if (last && last.pair === leaf.pair) last.width = leaf.x + 55 - last.x;
    else pairs.push({ pair: leaf.pair, x: leaf.x - 55, width: 110 });
  }
  const hvNodes = spread(hvs.length, inner).map((x, i) => ({
    id: hvs[i].id,
    name: hvs[i].name,
    x: x + MARGIN,
    y: ROWS.hypervisor,
    problem: problems.get(hvs[i].id),
  }));
  const leafById = new Map(leaves.map((l) => [l.id, l]));
  const hvById = new Map(hvNodes.map((h) => [h.id, h]));
  const drawn = links
    .filter((l) => leafById.has(l.switchId) && hvById.has(l.hypervisorId))
    .map((l) => ({
      id: l.id,
      from: leafById.get(l.switchId)!,
      to: hvById.get(l.hypervisorId)!,
      label: `${hvById.get(l.hypervisorId)!.name} ${l.nic} – ${leafById.get(l.switchId)!.name} ${l.interfaceName} (${l.source})`,
      problem: problems.has(l.hypervisorId),
    }));
  return { width, height: ROWS.hypervisor + 60, spines, leaves, pairs, hypervisors: hvNodes, links: drawn };
}
