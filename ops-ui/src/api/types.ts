// The API's shapes as the portal reads them (api/src/main/java/io/longhaul/api).

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
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  name: string;
  title: string;
  description: string;
  schema: JsonSchema;
}

export interface Step {
  seq: number;
  step: string;
  target: string | null;
  kind: string;
  attempt: number;
  errorType: string | null;
  errorMessage: string | null;
  at: string;
}

export interface Run {
  id: string;
  operation: string;
  params: Record<string, unknown>;
  siteCode: string | null;
  requestedBy: string;
  reason: string;
  status: string;
  rerunOf: string | null;
  errorType: string | null;
  errorMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  steps: Step[] | null;
  // Fields the operator-control work adds to the detail view; absent until then.
  pendingDecision?: PendingDecision | null;
  approval?: Approval | null;
  compensations?: Compensation[] | null;
  progress?: Progress | null;
  reruns?: string[] | null;
}

export interface PendingDecision {
  step: string;
  target?: string | null;
  errorType?: string | null;
  errorMessage?: string | null;
  attempts?: number;
  input?: Record<string, unknown>;
  inputSchema?: JsonSchema;
  canSkip?: boolean;
}

export interface Approval {
  step: string;
  plan: string;
  requestedAt?: string;
}

export interface Compensation {
  step: string;
  target?: string | null;
  status: string;
  at?: string;
  errorMessage?: string | null;
}

export interface Progress {
  phase?: string;
  done?: number;
  total?: number;
  unit?: string;
  figures?: Record<string, string | number>;
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
