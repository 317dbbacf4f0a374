// Turns an operation's JSON Schema into form fields, and checks what the user typed the way the
// server's validator (networknt, draft 2020-12) will, so most mistakes show before submitting.
// The server still validates: its field problems are shown on the same fields.
import type { JsonSchema } from "../api/types";

export type FieldKind = "string" | "integer" | "number" | "boolean" | "enum" | "string-array" | "string-map" | "unsupported";

export interface Field {
  name: string;
  schema: JsonSchema;
  required: boolean;
  kind: FieldKind;
}

/** What the form holds: text for text inputs, booleans for checkboxes, one line per array item. */
export type RawValues = Record<string, string | boolean>;

export type Problems = Record<string, string>;

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
}

export function kindOf(schema: JsonSchema): FieldKind {
  if (schema.enum) return "enum";
  switch (typeOf(schema)) {
    case "string":
      return "string";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return schema.items && typeOf(schema.items) === "string" ? "string-array" : "unsupported";
    case "object": {
      // A map of strings (pod labels): one key=value per line.
      const values = schema.additionalProperties;
      return typeof values === "object" && typeOf(values) === "string" && !schema.properties ? "string-map" : "unsupported";
    }
    default:
      return "unsupported";
  }
}

export function fieldsOf(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    schema: s,
    required: required.has(name),
    kind: kindOf(s),
  }));
}

export function initialValues(schema: JsonSchema): RawValues {
  const values: RawValues = {};
  for (const f of fieldsOf(schema)) {
    const d = f.schema.default;
    if (f.kind === "boolean") values[f.name] = d === true;
    else if (f.kind === "string-array") values[f.name] = Array.isArray(d) ? d.join("\n") : "";
    else if (f.kind === "string-map") values[f.name] = d && typeof d === "object" ? Object.entries(d).map(([k, v]) => `${k}=${String(v)}`).join("\n") : "";
    else values[f.name] = d === undefined || d === null ? "" : String(d);
  }
  return values;
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** "key=value" lines as entries; a line without "=" is an entry with an undefined value. */
function entries(text: string): [string, string | undefined][] {
  return lines(text).map((l) => {
    const at = l.indexOf("=");
    return at < 0 ? [l, undefined] : [l.slice(0, at).trim(), l.slice(at + 1).trim()];
  });
}

/** The params to send: typed values, empty optional fields left out (so server defaults apply). */
export function toParams(schema: JsonSchema, raw: RawValues): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const f of fieldsOf(schema)) {
    const v = raw[f.name];
    if (f.kind === "boolean") {
      params[f.name] = v === true;
      continue;
    }
    const text = typeof v === "string" ? v.trim() : "";
    if (f.kind === "string-array") {
      if (text !== "" || f.required) params[f.name] = lines(text);
      continue;
    }
    if (f.kind === "string-map") {
      if (text !== "" || f.required) params[f.name] = Object.fromEntries(entries(text));
      continue;
    }
    if (text === "") continue;
    if (f.kind === "integer" || f.kind === "number") params[f.name] = Number(text);
    else if (f.kind === "enum") params[f.name] = f.schema.enum!.find((e) => String(e) === text) ?? text;
    else params[f.name] = text;
  }
  return params;
}

function stringProblem(s: JsonSchema, value: string): string | undefined {
  // JSON Schema counts code points, as the server does.
  const length = [...value].length;
  if (s.minLength !== undefined && length < s.minLength) return `must be at least ${s.minLength} characters long`;
  if (s.maxLength !== undefined && length > s.maxLength) return `must be at most ${s.maxLength} characters long`;
  if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value)) return `does not match the pattern ${s.pattern}`;
  return undefined;
}

function numberProblem(s: JsonSchema, text: string, integer: boolean): string | undefined {
  const n = Number(text);
  if (text === "" || Number.isNaN(n)) return integer ? "must be a whole number" : "must be a number";
  if (integer && !Number.isInteger(n)) return "must be a whole number";
  if (s.minimum !== undefined && n < s.minimum) return `must be at least ${s.minimum}`;
  if (s.maximum !== undefined && n > s.maximum) return `must be at most ${s.maximum}`;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return `must be greater than ${s.exclusiveMinimum}`;
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) return `must be less than ${s.exclusiveMaximum}`;
  return undefined;
}

function arrayProblem(s: JsonSchema, items: string[]): string | undefined {
  if (s.minItems !== undefined && items.length < s.minItems) return `needs at least ${s.minItems} entries`;
  if (s.maxItems !== undefined && items.length > s.maxItems) return `takes at most ${s.maxItems} entries`;
  if (s.uniqueItems && new Set(items).size !== items.length) return "has the same entry twice";
  for (const item of items) {
    const p = s.items ? stringProblem(s.items, item) : undefined;
    if (p) return `"${item}" ${p}`;
  }
  return undefined;
}

function mapProblem(s: JsonSchema, items: [string, string | undefined][]): string | undefined {
  if (s.maxProperties !== undefined && items.length > s.maxProperties) return `takes at most ${s.maxProperties} entries`;
  if (new Set(items.map(([k]) => k)).size !== items.length) return "has the same key twice";
  const values = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  for (const [k, v] of items) {
    if (k === "" || v === undefined) return `"${k}" is not a key=value line`;
    const p = values ? stringProblem(values, v) : undefined;
    if (p) return `${k}: "${v}" ${p}`;
  }
  return undefined;
}

/** One message per offending field, keyed by field name; empty when the server should accept. */
export function validate(schema: JsonSchema, raw: RawValues): Problems {
  const problems: Problems = {};
  for (const f of fieldsOf(schema)) {
    const v = raw[f.name];
    const text = typeof v === "string" ? v.trim() : "";
    let problem: string | undefined;
    if (f.kind === "boolean" || f.kind === "unsupported") continue;
    if (f.kind === "string-array") {
      const items = lines(text);
      if (text === "" && !f.required) continue;
      problem = arrayProblem(f.schema, items);
    } else if (f.kind === "string-map") {
      if (text === "" && !f.required) continue;
      problem = mapProblem(f.schema, entries(text));
    } else if (text === "") {
      problem = f.required ? "is required" : undefined;
    } else if (f.kind === "integer" || f.kind === "number") {
      problem = numberProblem(f.schema, text, f.kind === "integer");
    } else if (f.kind === "enum") {
      problem = f.schema.enum!.some((e) => String(e) === text) ? undefined : "is not one of the choices";
    } else {
      problem = stringProblem(f.schema, text);
    }
    if (problem) problems[f.name] = problem;
  }
  return problems;
}

/** The server names fields `params.site`; the form names them `site`. */
export function problemsFromServer(errors: { field: string; message: string }[]): Problems {
  const problems: Problems = {};
  for (const e of errors) {
    const name = e.field.replace(/^params\./, "").split(".")[0];
    problems[name] = e.message;
  }
  return problems;
}
