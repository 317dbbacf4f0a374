// The runbook endpoints (/api/v1/runbooks) as the editor uses them.
import { get, post, put } from "../api/http";
import type { JsonSchema } from "../api/types";

export interface RunbookSummary {
  name: string;
  title: string;
  latestVersion: number;
  updatedBy: string;
  updatedAt: string;
  archived: boolean;
}

export interface RunbookVersion {
  runbook: string;
  version: number;
  title: string;
  operation: string;
  source: string;
  definition: { params?: JsonSchema };
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface VersionSummary {
  version: number;
  title: string;
  operation: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface Valid {
  valid: boolean;
  name: string;
  title: string;
  definition: { params?: JsonSchema };
}

export interface DiffLine {
  op: " " | "-" | "+";
  text: string;
}

export interface PlannedStep {
  step: string;
  kind: string;
  target?: string;
  action?: string;
  input?: unknown;
  undo?: string;
  detail?: string;
  lines: string[];
}

export interface Plan {
  runbook: string;
  version: number;
  site?: string;
  steps: PlannedStep[];
  notes: string[];
}

export const listRunbooks = () => get<RunbookSummary[]>("/api/v1/runbooks");
export const getRunbook = (name: string) => get<RunbookVersion>(`/api/v1/runbooks/${name}`);
export const getVersion = (name: string, v: number) => get<RunbookVersion>(`/api/v1/runbooks/${name}/versions/${v}`);
export const versions = (name: string) => get<VersionSummary[]>(`/api/v1/runbooks/${name}/versions`);
export const diff = (name: string, from: number, to: number) =>
  get<{ lines: DiffLine[] }>(`/api/v1/runbooks/${name}/diff?from=${from}&to=${to}`);
export const validateSource = (source: string) => post<Valid>("/api/v1/runbooks/validate", { source });
export const createRunbook = (source: string, reason: string) => post<RunbookVersion>("/api/v1/runbooks", { source, reason });
export const updateRunbook = (name: string, source: string, basedOn: number, reason: string) =>
  put<RunbookVersion>(`/api/v1/runbooks/${name}`, { source, basedOn, reason });
export const dryRun = (name: string, version: number, params: Record<string, unknown>) =>
  post<Plan>(`/api/v1/runbooks/${name}/dry-run`, { version, params });
