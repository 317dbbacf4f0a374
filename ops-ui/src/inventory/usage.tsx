// Instances, IPAM usage and hypervisor allocation: the inventory as spawns change it.
import { useState } from "react";
import type { Allocation, Instance, NetworkPorts, Site, UnaccountedDomain } from "../api/types";
import { StatusBadge } from "../components/StatusBadge";
import { Empty, ErrorState, Loading } from "../components/states";
import { useApi } from "../components/useApi";

/** "used of limit" with a bar; red at or over the limit (over-commit reached). */
export function Meter({ used, limit, unit = "" }: { used: number; limit: number; unit?: string }) {
  const share = limit > 0 ? Math.min(1, used / limit) : 1;
  const full = used >= limit;
  return (
    <span className="meter" title={`${used}${unit} of ${limit}${unit}`}>
      <span className="meter-bar" aria-hidden="true">
        <span className={full ? "meter-fill meter-full" : "meter-fill"} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="small">
        {used}
        {unit} / {limit}
        {unit}
      </span>
    </span>
  );
}

/** A network's addresses in use and free, from its ports view. */
export function PortUsage({ networkId }: { networkId: number }) {
  const { data, error } = useApi<NetworkPorts>(`/api/v1/networks/${networkId}/ports`);
  if (error) return <span className="muted small">unavailable</span>;
  if (!data) return <span className="muted small">…</span>;
  return <Meter used={data.used} limit={data.used + data.free} />;
}

/** Each hypervisor's reservations by id; undefined until loaded (the table shows limits only). */
export function useAllocation(): Map<number, Allocation> | undefined {
  const { data } = useApi<Allocation[]>("/api/v1/hypervisors/allocation", 5000);
  return data ? new Map(data.map((a) => [a.hypervisorId, a])) : undefined;
}

/** Every instance with its host and port, polled while spawns come and go. */
export function Instances({ sites }: { sites: Site[] }) {
  const [site, setSite] = useState("");
  const { data, error, reload } = useApi<Instance[]>(`/api/v1/instances${site ? `?site=${site}` : ""}`, 5000);
  const foreign = useApi<UnaccountedDomain[]>(`/api/v1/instances/unaccounted-domains${site ? `?site=${site}` : ""}`, 5000);
  return (
    <>
      <div className="field inline">
        <label htmlFor="instance-site">Site</label>
        <select id="instance-site" value={site} onChange={(e) => setSite(e.target.value)}>
          <option value="">all</option>
          {sites.map((s) => (
            <option key={s.id} value={s.code}>
              {s.code}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <ErrorState error={error} retry={reload} />
      ) : !data ? (
        <Loading what="instances" />
      ) : data.length === 0 ? (
        <Empty>No instances yet: spawn one from the catalog (Spawn an instance).</Empty>
      ) : (
        <div className="card table-card">
          <table>
            <caption className="visually-hidden">Instances</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Site</th>
                <th scope="col">State</th>
                <th scope="col">Host</th>
                <th scope="col">IP</th>
                <th scope="col">MAC</th>
                <th scope="col">Network</th>
                <th scope="col">Drift</th>
              </tr>
            </thead>
            <tbody>
              {data.map((i) => (
                <tr key={i.name}>
                  <td className="mono">{i.name}</td>
                  <td>{i.kind}</td>
                  <td>{i.site}</td>
                  <td>
                    <StatusBadge status={i.state} />
                  </td>
                  <td className="mono">{i.hypervisor ?? "—"}</td>
                  <td className="mono">{i.ip ?? "—"}</td>
                  <td className="mono">{i.mac ?? "—"}</td>
                  <td>{i.network ?? "—"}</td>
                  <td className="small">{i.drift ?? (i.driftCheckedAt ? "none" : "not checked yet")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {foreign.data && foreign.data.length > 0 && (
        <div className="card table-card">
          <h2>Domains no instance accounts for</h2>
          <p className="muted small">Seen by the drift watch on the hypervisors; Longhaul never touches them.</p>
          <table>
            <caption className="visually-hidden">Unaccounted domains</caption>
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Domain</th>
                <th scope="col">State</th>
                <th scope="col">Owner</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {foreign.data.map((d) => (
                <tr key={d.hypervisor + "/" + d.name}>
                  <td className="mono">{d.hypervisor}</td>
                  <td className="mono">{d.name}</td>
                  <td>{d.state}</td>
                  <td>{d.ownerChange ? `change ${d.ownerChange}` : "defined outside Longhaul"}</td>
                  <td>{new Date(d.lastSeenAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
