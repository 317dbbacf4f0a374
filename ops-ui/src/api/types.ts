// The API's shapes as the portal reads them (api/src/main/java/io/longhaul/api). Statuses, event
// kinds and decision kinds are contracts' enums, generated into ../generated/vocabulary.ts.
import type { DecisionKind, RunStatus, StepEventKind } from "../generated/vocabulary";

export type Role = "viewer" | "operator" | "approver" | "admin";

export interface Me {
  username: string;
  role: Role;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  maxProperties?: number;
  additionalProperties?: boolean | JsonSchema;
}

/** What a step means to someone waiting for the run, as the operation declares it. */
export interface StageLabel {
  step: string;
  label: string;
}

export interface Operation {
  name: string;
  title: string;
  description: string;
  stages?: StageLabel[];
  schema: JsonSchema;
}

export interface Step {
  seq: number;
  step: string;
  target: string | null;
  kind: StepEventKind;
  attempt: number;
  errorType: string | null;
  errorMessage: string | null;
  detail?: Record<string, unknown> | null;
  at: string;
}

/** One line per step and target, as the server folds the events (operator control). */
export interface TimelineLine {
  step: string;
  target: string | null;
  state: StepEventKind;
  attempts: number;
  errors: string[];
  startedAt: string | null;
  endedAt: string | null;
  durationMillis: number | null;
}

/** A decision the run is parked on: a failed step, an approval, or a failed compensation. */
export interface Pending {
  kind: DecisionKind;
  step: string;
  target: string | null;
  attempt: number;
  errorType: string | null;
  errorMessage: string | null;
  skippable: boolean;
  plan: string | null;
  role: string | null;
  since: string | null;
  expiresAt: string | null;
  waitingSeconds: number;
}

export interface Progress {
  phase: string | null;
  step: string | null;
  target: string | null;
  done: number;
  total: number;
  figures: Record<string, number> | null;
  etaMillis: number | null;
  waitingForLeases: string[] | null;
  waitingForConditions?: string[] | null;
}

export interface Run {
  id: string;
  operation: string;
  params: Record<string, unknown>;
  siteCode: string | null;
  requestedBy: string;
  /** The schedule that started the run; requestedBy is then the schedule's owner. */
  viaSchedule?: string | null;
  /** Who re-ran it; requestedBy stays the original's requester. */
  rerunBy?: string | null;
  reason: string;
  status: RunStatus;
  rerunOf: string | null;
  changeId?: string | null;
  errorType: string | null;
  errorMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  steps: Step[] | null;
  pending?: Pending[] | null;
  progress?: Progress | null;
  timeline?: TimelineLine[] | null;
  compensations?: Step[] | null;
  /** The workflow's result once it succeeded (detail view only). */
  result?: unknown;
}

export interface RunPage {
  items: Run[];
  next: string | null;
}

export interface Site {
  id: number;
  code: string;
  name: string;
  timeZone: string;
}

export interface Switch {
  id: number;
  siteId: number;
  name: string;
  role: "leaf" | "spine" | string;
  dialect: string;
  leafPair: string | null;
  mgmtAddress: string;
  sshPort: number;
  snmpPort: number;
}

export interface Hypervisor {
  id: number;
  siteId: number;
  name: string;
  address: string;
  cpuCores: number;
  memoryMb: number;
  cpuOvercommit: number;
  memoryOvercommit: number;
  maintenance: boolean;
}

export interface Network {
  id: number;
  siteId: number;
  name: string;
  labels: string[];
  cidr: string;
  gateway: string;
  vlan: number;
  vni: number | null;
}

/** A cluster reached over HTTP; credentialId is a reference, trustPem public certificates. */
export interface Cluster {
  id: number;
  siteId: number;
  name: string;
  kind: "hdfs" | "mesh" | "vdi" | "k8s" | "prometheus" | string;
  baseUrl: string;
  credentialId: number | null;
  trustPem: string | null;
  labels: string[];
}

/** A credential's public face: the secret never leaves the server. */
export interface Credential {
  id: number;
  name: string;
  kind: string;
  username: string | null;
}

export interface HostLink {
  id: number;
  hypervisorId: number;
  nic: string;
  switchId: number;
  interfaceName: string;
  source: string;
  lastSeenAt: string | null;
}

export interface LabDevice {
  name: string;
  kind: string;
  site: string;
  role: string | null;
}

export interface LabFault {
  target: string;
  type: string;
  since: string;
  latencyMs?: number;
  command?: string;
  interfaceName?: string;
  periodMs?: number;
}

export interface LabStatus {
  devices: LabDevice[];
  faults: LabFault[];
  faultTypes: string[];
}

/** An instance as `GET /api/v1/instances` lists it (db/instance InstanceView). */
export interface Instance {
  name: string;
  kind: string;
  site: string;
  state: string;
  hypervisor: string | null;
  portId: string | null;
  ip: string | null;
  mac: string | null;
  network: string | null;
  /** What the drift watch last saw wrong (state degraded or missing); null when nothing. */
  drift: string | null;
  driftCheckedAt: string | null;
}

/** `GET /api/v1/instances/unaccounted-domains`: domains no instance accounts for (never touched). */
export interface UnaccountedDomain {
  site: string;
  hypervisor: string;
  name: string;
  state: string;
  ownerChange: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** `GET /api/v1/networks/{id}/ports`: addresses used and free. */
export interface NetworkPorts {
  networkId: number;
  used: number;
  free: number;
}

/** `GET /api/v1/hypervisors/allocation`: reservations against the over-commit limits. */
export interface Allocation {
  hypervisorId: number;
  name: string;
  instances: number;
  vcpusUsed: number;
  vcpusLimit: number;
  memoryMiBUsed: number;
  memoryMiBLimit: number;
  maintenance: boolean;
}

export interface User {
  id: number;
  username: string;
  role: Role;
  enabled: boolean;
}

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}
