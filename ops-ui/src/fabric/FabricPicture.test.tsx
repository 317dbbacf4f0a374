import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { HostLink, Hypervisor, Switch } from "../api/types";
import { FabricPicture } from "./FabricPicture";
import { hostProblems } from "./fabric";

const sw = (id: number, name: string, role: string, leafPair: string | null): Switch => ({
  id,
  siteId: 1,
  name,
  role,
  leafPair,
  dialect: "nxos",
  mgmtAddress: "127.0.0.1",
  sshPort: 22,
  snmpPort: 161,
});
const hv = (id: number, name: string): Hypervisor => ({
  id,
  siteId: 1,
  name,
  address: "127.0.0.1",
  cpuCores: 32,
  memoryMb: 262144,
  cpuOvercommit: 2,
  memoryOvercommit: 1.2,
  maintenance: false,
});
let nextId = 1;
const link = (hypervisorId: number, switchId: number, nic: string): HostLink => ({
  id: nextId++,
  hypervisorId,
  switchId,
  nic,
  interfaceName: "Ethernet1/1",
  source: "discovered",
  lastSeenAt: null,
});

const switches = [sw(1, "sha-spine1", "spine", null), sw(11, "sha-leaf1", "leaf", "p1"), sw(12, "sha-leaf2", "leaf", "p1"), sw(13, "sha-leaf3", "leaf", "p2")];
const hypervisors = [hv(101, "sha-hv01"), hv(102, "sha-hv02"), hv(103, "sha-hv03"), hv(104, "sha-hv04"), hv(105, "sha-hv05")];
const links = [
  link(101, 11, "eth0"),
  link(101, 12, "eth1"), // dual-homed: fine
  link(102, 11, "eth0"), // one link only
  link(103, 11, "eth0"),
  link(103, 13, "eth1"), // two pairs
  link(104, 11, "eth0"),
  link(104, 11, "eth1"), // same leaf twice
  // 105: no links at all
];

describe("host problems", () => {
  it("flags every way a hypervisor can miss its dual-homing, and only those", () => {
    const p = hostProblems(hypervisors, switches, links);
    expect(p.has(101)).toBe(false);
    expect(p.get(102)).toMatch(/only one link/);
    expect(p.get(103)).toMatch(/different pairs \(p1, p2\)/);
    expect(p.get(104)).toMatch(/every link goes to sha-leaf1/);
    expect(p.get(105)).toBe("no links found");
  });

  it("flags a link to a spine", () => {
    expect(hostProblems([hv(101, "a")], switches, [link(101, 1, "eth0"), link(101, 11, "eth1")]).get(101)).toMatch(/not a leaf/);
  });
});

describe("the picture", () => {
  it("marks problem hypervisors and their links, and lists them as text", () => {
    render(<FabricPicture site="sha" switches={switches} hypervisors={hypervisors} links={links} />);
    const nodes = screen.getAllByTestId("fabric-hypervisor");
    expect(nodes).toHaveLength(5);
    const flagged = nodes.filter((n) => n.getAttribute("data-problem") === "true").map((n) => n.querySelector("text")!.textContent);
    expect(flagged.sort()).toEqual(["hv02", "hv03", "hv04", "hv05"]);
    const problemLinks = screen.getAllByTestId("hostlink").filter((l) => l.classList.contains("hostlink-problem"));
    expect(problemLinks).toHaveLength(5);
    expect(screen.getByText(/4 hypervisor\(s\) with link problems/)).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /7 host links, 4 with link problems/ })).toBeInTheDocument();
  });

  it("says so when every hypervisor is dual-homed", () => {
    render(<FabricPicture site="sha" switches={switches} hypervisors={[hv(101, "sha-hv01")]} links={links.slice(0, 2)} />);
    expect(screen.getByText(/Every hypervisor is cabled to both leaves/)).toBeInTheDocument();
    expect(screen.queryAllByTestId("fabric-hypervisor").filter((n) => n.getAttribute("data-problem"))).toHaveLength(0);
  });
});
