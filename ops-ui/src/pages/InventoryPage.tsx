import { useState } from "react";
import { NavLink, Route, Routes, useParams } from "react-router";
import type { Cluster, Credential, HostLink, Hypervisor, Network, Site, Switch } from "../api/types";
import { Empty, ErrorState, Loading } from "../components/states";
import { when } from "../components/time";
import { useApi, type Loaded } from "../components/useApi";
import { FabricPicture } from "../fabric/FabricPicture";
import { Instances, Meter, PortUsage, useAllocation } from "../inventory/usage";

interface Inventory {
  sites: Site[];
  switches: Switch[];
  hypervisors: Hypervisor[];
  networks: Network[];
  clusters: Cluster[];
  links: HostLink[];
}

function useInventory(): Loaded<Inventory> {
  const parts = [
    useApi<Site[]>("/api/v1/sites"),
    useApi<Switch[]>("/api/v1/switches"),
    useApi<Hypervisor[]>("/api/v1/hypervisors"),
    useApi<Network[]>("/api/v1/networks"),
    useApi<HostLink[]>("/api/v1/host-links"),
    useApi<Cluster[]>("/api/v1/clusters"),
  ] as const;
  const error = parts.find((p) => p.error)?.error;
  const ready = parts.every((p) => p.data);
  return {
    data: ready
      ? {
          sites: parts[0].data!,
          switches: parts[1].data!,
          hypervisors: parts[2].data!,
          networks: parts[3].data!,
          links: parts[4].data!,
          clusters: parts[5].data!,
        }
      : undefined,
    error,
    loading: !ready && !error,
    reload: () => parts.forEach((p) => p.reload()),
  };
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, undefined, { numeric: true });

export function InventoryPage() {
  const inv = useInventory();
  return (
    <section>
      <h1>Inventory</h1>
      <nav aria-label="Inventory" className="tabs">
        <NavLink to="/inventory" end>
          Sites
        </NavLink>
        <NavLink to="/inventory/switches">Switches</NavLink>
        <NavLink to="/inventory/hypervisors">Hypervisors</NavLink>
        <NavLink to="/inventory/networks">Networks</NavLink>
        <NavLink to="/inventory/clusters">Clusters</NavLink>
        <NavLink to="/inventory/instances">Instances</NavLink>
        <NavLink to="/inventory/links">Host links</NavLink>
        <NavLink to="/inventory/fabric">Fabric</NavLink>
      </nav>
      {inv.error ? (
        <ErrorState error={inv.error} retry={inv.reload} />
      ) : !inv.data ? (
        <Loading what="the inventory" />
      ) : (
        <Routes>
          <Route index element={<Sites inv={inv.data} />} />
          <Route path="switches" element={<Switches inv={inv.data} />} />
          <Route path="hypervisors" element={<Hypervisors inv={inv.data} />} />
          <Route path="networks" element={<Networks inv={inv.data} />} />
          <Route path="clusters" element={<Clusters inv={inv.data} />} />
          <Route path="instances" element={<Instances sites={inv.data.sites} />} />
          <Route path="links" element={<Links inv={inv.data} />} />
          <Route path="fabric" element={<Fabric inv={inv.data} />} />
          <Route path="fabric/:site" element={<Fabric inv={inv.data} />} />
        </Routes>
      )}
    </section>
  );
}

function siteCode(inv: Inventory, id: number) {
  return inv.sites.find((s) => s.id === id)?.code ?? "?";
}

function SiteFilter({ inv, value, onChange }: { inv: Inventory; value: string; onChange: (v: string) => void }) {
  return (
    <div className="field inline">
      <label htmlFor="inv-site">Site</label>
      <select id="inv-site" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">all</option>
        {inv.sites.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.code}
          </option>
        ))}
      </select>
    </div>
  );
}

function Sites({ inv }: { inv: Inventory }) {
  if (inv.sites.length === 0) return <Empty>No sites yet. Add them through the API (POST /api/v1/sites).</Empty>;
  return (
    <div className="card table-card">
      <table>
        <caption className="visually-hidden">Sites</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Time zone</th>
            <th scope="col">Switches</th>
            <th scope="col">Hypervisors</th>
            <th scope="col">Networks</th>
            <th scope="col">Clusters</th>
            <th scope="col">Fabric</th>
          </tr>
        </thead>
        <tbody>
          {inv.sites.map((s) => (
            <tr key={s.id}>
              <td className="mono">{s.code}</td>
              <td>{s.name}</td>
              <td>{s.timeZone}</td>
              <td>{inv.switches.filter((x) => x.siteId === s.id).length}</td>
              <td>{inv.hypervisors.filter((x) => x.siteId === s.id).length}</td>
              <td>{inv.networks.filter((x) => x.siteId === s.id).length}</td>
              <td>{inv.clusters.filter((x) => x.siteId === s.id).length}</td>
              <td>
                <NavLink to={`/inventory/fabric/${s.code}`}>Fabric of {s.code}</NavLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Switches({ inv }: { inv: Inventory }) {
  const [site, setSite] = useState("");
  const rows = inv.switches.filter((s) => !site || String(s.siteId) === site).sort(byName);
  return (
    <>
      <SiteFilter inv={inv} value={site} onChange={setSite} />
      {rows.length === 0 ? (
        <Empty>No switches.</Empty>
      ) : (
        <div className="card table-card">
          <table>
            <caption className="visually-hidden">Switches</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Site</th>
                <th scope="col">Role</th>
                <th scope="col">Pair</th>
                <th scope="col">Dialect</th>
                <th scope="col">Management</th>
                <th scope="col">Host links</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td className="mono">{s.name}</td>
                  <td>{siteCode(inv, s.siteId)}</td>
                  <td>{s.role}</td>
                  <td>{s.leafPair ?? "—"}</td>
                  <td>{s.dialect}</td>
                  <td className="mono">
                    {s.mgmtAddress}:{s.sshPort}
                  </td>
                  <td>{inv.links.filter((l) => l.switchId === s.id).length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Hypervisors({ inv }: { inv: Inventory }) {
  const [site, setSite] = useState("");
  const rows = inv.hypervisors.filter((h) => !site || String(h.siteId) === site).sort(byName);
  const allocation = useAllocation();
  return (
    <>
      <SiteFilter inv={inv} value={site} onChange={setSite} />
      <p className="muted small">Used is what placement has reserved for instances; the limit is what the over-commit ratio allows (cores × CPU ratio, memory × memory ratio), and placement never goes past it.</p>
      {rows.length === 0 ? (
        <Empty>No hypervisors.</Empty>
      ) : (
        <div className="card table-card">
          <table>
            <caption className="visually-hidden">Hypervisors</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Site</th>
                <th scope="col">Cores</th>
                <th scope="col">vCPUs used / limit</th>
                <th scope="col">Memory</th>
                <th scope="col">Memory used / limit</th>
                <th scope="col">Instances</th>
                <th scope="col">Links</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.id}>
                  <td className="mono">{h.name}</td>
                  <td>{siteCode(inv, h.siteId)}</td>
                  <td>{h.cpuCores}</td>
                  <td>
                    <Meter used={allocation?.get(h.id)?.vcpusUsed ?? 0} limit={Math.floor(h.cpuCores * h.cpuOvercommit)} />{" "}
                    <span className="muted small">(×{h.cpuOvercommit})</span>
                  </td>
                  <td>{Math.round(h.memoryMb / 1024)} GiB</td>
                  <td>
                    <Meter used={Math.round((allocation?.get(h.id)?.memoryMiBUsed ?? 0) / 102.4) / 10} limit={Math.floor((h.memoryMb * h.memoryOvercommit) / 1024)} unit=" GiB" />{" "}
                    <span className="muted small">(×{h.memoryOvercommit})</span>
                  </td>
                  <td>{allocation?.get(h.id)?.instances ?? "…"}</td>
                  <td>{inv.links.filter((l) => l.hypervisorId === h.id).length}</td>
                  <td>{h.maintenance ? <span className="badge badge-waiting_window">maintenance</span> : "in service"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Networks({ inv }: { inv: Inventory }) {
  const [site, setSite] = useState("");
  const rows = inv.networks.filter((n) => !site || String(n.siteId) === site).sort(byName);
  return (
    <>
      <SiteFilter inv={inv} value={site} onChange={setSite} />
      {rows.length === 0 ? (
        <Empty>No networks.</Empty>
      ) : (
        <div className="card table-card">
          <table>
            <caption className="visually-hidden">Networks</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Site</th>
                <th scope="col">CIDR</th>
                <th scope="col">Gateway</th>
                <th scope="col">VLAN</th>
                <th scope="col">VNI</th>
                <th scope="col">Labels</th>
                <th scope="col">Addresses used / total</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.id}>
                  <td className="mono">{n.name}</td>
                  <td>{siteCode(inv, n.siteId)}</td>
                  <td className="mono">{n.cidr}</td>
                  <td className="mono">{n.gateway}</td>
                  <td>{n.vlan}</td>
                  <td>{n.vni ?? "—"}</td>
                  <td>{n.labels.join(", ")}</td>
                  <td>
                    <PortUsage networkId={n.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Clusters({ inv }: { inv: Inventory }) {
  const [site, setSite] = useState("");
  const rows = inv.clusters.filter((c) => !site || String(c.siteId) === site).sort(byName);
  const credentials = new Map((useApi<Credential[]>("/api/v1/credentials").data ?? []).map((c) => [c.id, c.name]));
  return (
    <>
      <SiteFilter inv={inv} value={site} onChange={setSite} />
      <p className="muted small">Clusters are reached over HTTP from the clusters queue's workers. TLS trusts only the certificates registered with the cluster; without them, the workers' default trust store.</p>
      {rows.length === 0 ? (
        <Empty>No clusters. Add them through the API (POST /api/v1/clusters).</Empty>
      ) : (
        <div className="card table-card">
          <table>
            <caption className="visually-hidden">Clusters</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Site</th>
                <th scope="col">Kind</th>
                <th scope="col">API</th>
                <th scope="col">TLS trust</th>
                <th scope="col">Credential</th>
                <th scope="col">Labels</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td className="mono">{c.name}</td>
                  <td>{siteCode(inv, c.siteId)}</td>
                  <td>{c.kind}</td>
                  <td className="mono">{c.baseUrl}</td>
                  <td>{!c.baseUrl.startsWith("https://") ? <span className="badge badge-failed">plain HTTP</span> : c.trustPem ? "own CA" : "default trust store"}</td>
                  <td className="mono">{c.credentialId === null ? "none" : (credentials.get(c.credentialId) ?? "…")}</td>
                  <td>{c.labels.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Links({ inv }: { inv: Inventory }) {
  const hv = new Map(inv.hypervisors.map((h) => [h.id, h.name]));
  const sw = new Map(inv.switches.map((s) => [s.id, s.name]));
  const rows = [...inv.links].sort((a, b) => (hv.get(a.hypervisorId) ?? "").localeCompare(hv.get(b.hypervisorId) ?? "", undefined, { numeric: true }) || a.nic.localeCompare(b.nic));
  if (rows.length === 0) return <Empty>No host links yet. Run topology discovery for a site to find them.</Empty>;
  return (
    <div className="card table-card">
      <table>
        <caption className="visually-hidden">Host links</caption>
        <thead>
          <tr>
            <th scope="col">Hypervisor</th>
            <th scope="col">NIC</th>
            <th scope="col">Switch</th>
            <th scope="col">Interface</th>
            <th scope="col">Source</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.id}>
              <td className="mono">{hv.get(l.hypervisorId)}</td>
              <td className="mono">{l.nic}</td>
              <td className="mono">{sw.get(l.switchId)}</td>
              <td className="mono">{l.interfaceName}</td>
              <td>{l.source}</td>
              <td>{when(l.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Fabric({ inv }: { inv: Inventory }) {
  const { site: code } = useParams();
  const site = inv.sites.find((s) => s.code === code) ?? inv.sites[0];
  if (!site) return <Empty>No sites yet.</Empty>;
  const switches = inv.switches.filter((s) => s.siteId === site.id);
  const hypervisors = inv.hypervisors.filter((h) => h.siteId === site.id);
  const hvIds = new Set(hypervisors.map((h) => h.id));
  const links = inv.links.filter((l) => hvIds.has(l.hypervisorId));
  return (
    <>
      <nav aria-label="Sites" className="tabs subtabs">
        {inv.sites.map((s) => (
          <NavLink key={s.id} to={`/inventory/fabric/${s.code}`} className={() => (s.id === site.id ? "active" : "")} aria-current={s.id === site.id ? "page" : undefined}>
            {s.code}
          </NavLink>
        ))}
      </nav>
      <h2>
        Fabric of {site.code} <span className="muted">— {site.name}</span>
      </h2>
      {switches.length === 0 ? (
        <Empty>This site has no switches.</Empty>
      ) : (
        <>
          {links.length === 0 && <p className="notice">No host links are known for this site yet: run topology discovery for {site.code} to find them.</p>}
          <div className="card">
            <FabricPicture site={site.code} switches={switches} hypervisors={hypervisors} links={links} />
          </div>
        </>
      )}
    </>
  );
}
