import type { Role } from "./types";

// The same order as the server's Role: each role can do what the ones before it can.
const ORDER: Role[] = ["viewer", "operator", "approver", "admin"];

export function covers(actual: Role | undefined, required: Role): boolean {
  return actual !== undefined && ORDER.indexOf(actual) >= ORDER.indexOf(required);
}
