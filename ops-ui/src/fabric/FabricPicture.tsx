import type { HostLink, Hypervisor, Switch } from "../api/types";
import { layout } from "./fabric";

interface Props {
  site: string;
  switches: Switch[];
  hypervisors: Hypervisor[];
  links: HostLink[];
}

/**
 * The site's fabric as an SVG. Uplinks between spines and leaves are drawn faint and dashed:
 * they follow from the switches' roles, while discovery reports host links only.
 */
export function FabricPicture({ site, switches, hypervisors, links }: Props) {
  const l = layout(hypervisors, switches, links);
  const problems = l.hypervisors.filter((h) => h.problem);
  return (
    <figure className="fabric">
      <svg
        viewBox={`0 0 ${l.width} ${l.height}`}
        role="img"
        aria-labelledby={`fabric-title-${site}`}
        className="fabric-svg"
        data-testid="fabric"
      >
        <title id={`fabric-title-${site}`}>
          {`Fabric of ${site}: ${l.spines.length} spines, ${l.leaves.length} leaves, ${l.hypervisors.length} hypervisors, ${l.links.length} host links, ${problems.length} with link problems`}
        </title>
        {l.pairs.map((p) => (
          <g key={p.pair}>
            <rect x={p.x} y={l.leaves[0].y - 34} width={p.width} height={68} rx={10} className="pair-box" />
            <text x={p.x + p.width / 2} y={l.leaves[0].y + 48} className="pair-label" textAnchor="middle">
              {p.pair}
            </text>
          </g>
        ))}
        {l.spines.flatMap((s) =>
          l.leaves.map((leaf) => <line key={`u-${s.id}-${leaf.id}`} x1={s.x} y1={s.y + 14} x2={leaf.x} y2={leaf.y - 14} className="uplink" />),
        )}
        {l.links.map((link) => (
          <line
            key={link.id}
            x1={link.from.x}
            y1={link.from.y + 14}
            x2={link.to.x}
            y2={link.to.y - 12}
            className={link.problem ? "hostlink hostlink-problem" : "hostlink"}
            data-testid="hostlink"
          >
            <title>{link.label}</title>
          </line>
        ))}
        {l.spines.map((s) => (
          <g key={s.id} className="node spine">
            <rect x={s.x - 50} y={s.y - 14} width={100} height={28} rx={4} />
            <text x={s.x} y={s.y + 5} textAnchor="middle">
              {s.name}
            </text>
          </g>
        ))}
        {l.leaves.map((s) => (
          <g key={s.id} className="node leaf">
            <rect x={s.x - 48} y={s.y - 14} width={96} height={28} rx={4} />
            <text x={s.x} y={s.y + 5} textAnchor="middle">
              {s.name}
            </text>
          </g>
        ))}
        {l.hypervisors.map((h) => (
          <g
            key={h.id}
            className={h.problem ? "node hypervisor problem" : "node hypervisor"}
            data-testid="fabric-hypervisor"
            data-problem={h.problem ? "true" : undefined}
          >
            <title>{h.problem ? `${h.name}: ${h.problem}` : `${h.name}: dual-homed`}</title>
            <rect x={h.x - 28} y={h.y - 12} width={56} height={24} rx={12} />
            <text x={h.x} y={h.y + 4} textAnchor="middle" className="hv-label">
              {h.name.replace(/^.*-/, "")}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span className="legend legend-ok">dual-homed hypervisor</span>
        <span className="legend legend-problem">link problem</span>
        <span className="legend legend-uplink">spine uplinks (from roles, not discovered)</span>
        {problems.length === 0 ? (
          <p>Every hypervisor is cabled to both leaves of one pair.</p>
        ) : (
          <>
            <p className="problem-summary">{problems.length} hypervisor(s) with link problems:</p>
            <ul className="problem-list">
              {problems.map((h) => (
                <li key={h.id}>
                  <strong>{h.name}</strong>: {h.problem}
                </li>
              ))}
            </ul>
          </>
        )}
      </figcaption>
    </figure>
  );
}
