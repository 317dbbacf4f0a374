import { Link } from "react-router";
import type { Run } from "../api/types";
import { StatusBadge } from "./StatusBadge";
import { duration, when } from "./time";

interface Props {
  runs: Run[];
  caption: string;
  selected?: Set<string>;
  onSelect?: (ids: string[], on: boolean) => void;
}

/** Runs as rows; only the rows it is given (callers page through the API, never all runs). */
export function RunsTable({ runs, caption, selected, onSelect }: Props) {
  const selectable = selected !== undefined && onSelect !== undefined;
  const allOn = selectable && runs.length > 0 && runs.every((r) => selected.has(r.id));
  return (
    <table className="runs">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {selectable && (
            <th scope="col" className="select">
              <input
                type="checkbox"
                aria-label="Select all runs shown"
                checked={allOn}
                onChange={(e) =>
                  onSelect(
                    runs.map((r) => r.id),
                    e.target.checked,
                  )
                }
              />
            </th>
          )}
          <th scope="col">Run</th>
          <th scope="col">Operation</th>
          <th scope="col">Site</th>
          <th scope="col">Status</th>
          <th scope="col">Requested by</th>
          <th scope="col">Created</th>
          <th scope="col">Took</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className={selected?.has(r.id) ? "selected" : undefined}>
            {selectable && (
              <td className="select">
                <input type="checkbox" aria-label={`Select run ${r.id}`} checked={selected.has(r.id)} onChange={(e) => onSelect([r.id], e.target.checked)} />
              </td>
            )}
            <td>
              <Link to={`/runs/${r.id}`} className="mono">
                {r.id.slice(0, 8)}
              </Link>
              {r.rerunOf && <span className="muted small"> re-run</span>}
            </td>
            <td>{r.operation}</td>
            <td>{r.siteCode ?? "—"}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>
              {r.requestedBy}
              {r.viaSchedule ? ` via ${r.viaSchedule}` : ""}
            </td>
            <td>{when(r.createdAt)}</td>
            <td>{r.startedAt ? duration(r.startedAt, r.endedAt) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
