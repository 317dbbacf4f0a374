import type { Field, Problems, RawValues } from "./schema";
import { fieldsOf } from "./schema";
import type { JsonSchema } from "../api/types";

export interface Option {
  value: string;
  label: string;
  /** The site code the choice belongs to: once a site is chosen, other sites' choices hide. */
  site?: string;
}

/** Inventory choices for fields with these names (`site` gets the site picker, and so on). */
export type Pickers = Partial<Record<"site" | "network" | "networkId" | "networkLabel" | "hypervisor" | "switch" | "cluster", Option[]>>;

interface Props {
  schema: JsonSchema;
  values: RawValues;
  problems: Problems;
  onChange: (values: RawValues) => void;
  pickers?: Pickers;
  idPrefix?: string;
}

/** A form generated from an operation's JSON Schema: one labelled control per property. */
export function SchemaForm({ schema, values, problems, onChange, pickers = {}, idPrefix = "param" }: Props) {
  const fields = fieldsOf(schema);
  if (fields.length === 0) return <p className="muted">This operation takes no parameters.</p>;
  return (
    <>
      {fields.map((f) => (
        <FieldControl
          key={f.name}
          field={f}
          id={`${idPrefix}-${f.name}`}
          value={values[f.name]}
          problem={problems[f.name]}
          picker={ofSite(pickers[f.name as keyof Pickers], values.site)}
          onChange={(v) => onChange({ ...values, [f.name]: v })}
        />
      ))}
    </>
  );
}

function ofSite(options: Option[] | undefined, site: string | boolean | undefined): Option[] | undefined {
  if (!options || typeof site !== "string" || site === "") return options;
  return options.filter((o) => o.site === undefined || o.site === site);
}

interface FieldProps {
  field: Field;
  id: string;
  value: string | boolean | undefined;
  problem?: string;
  picker?: Option[];
  onChange: (value: string | boolean) => void;
}

function hint(s: JsonSchema): string | undefined {
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum}–${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  else if (s.maximum !== undefined) parts.push(`at most ${s.maximum}`);
  if (s.default !== undefined) parts.push(`default ${Array.isArray(s.default) ? s.default.join(", ") : String(s.default)}`);
  return parts.length ? parts.join(", ") : undefined;
}

function FieldControl({ field, id, value, problem, picker, onChange }: FieldProps) {
  const s = field.schema;
  const label = s.title ?? field.name;
  const describedBy = [s.description ? `${id}-desc` : null, problem ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name: field.name,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": describedBy || undefined,
    "aria-required": field.required || undefined,
  };
  const text = typeof value === "string" ? value : "";
  let control;
  if (field.kind === "boolean") {
    return (
      <div className="field field-check">
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
        {s.description && <p id={`${id}-desc`} className="field-desc">{s.description}</p>}
        {problem && <p id={`${id}-error`} className="field-error">{label} {problem}</p>}
      </div>
    );
  } else if (field.kind === "enum" || (picker && picker.length > 0 && (field.kind === "string" || field.kind === "integer"))) {
    const options: Option[] = field.kind === "enum" ? s.enum!.map((e) => ({ value: String(e), label: String(e) })) : picker!;
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.required ? "Choose…" : "(none)"}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === "string-array") {
    control = <textarea {...common} rows={3} value={text} placeholder="one per line" onChange={(e) => onChange(e.target.value)} />;
  } else if (field.kind === "string-map") {
    control = <textarea {...common} rows={3} value={text} placeholder="key=value, one per line" onChange={(e) => onChange(e.target.value)} />;
  } else if (field.kind === "integer" || field.kind === "number") {
    control = (
      <input
        {...common}
        type="text"
        inputMode={field.kind === "integer" ? "numeric" : "decimal"}
        value={text}
        placeholder={hint(s)}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else if (field.kind === "unsupported") {
    control = <p className="muted">This field ({String(s.type)}) can only be set through the API.</p>;
  } else {
    control = <input {...common} type="text" value={text} placeholder={hint(s)} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {field.required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      {control}
      {s.description && <p id={`${id}-desc`} className="field-desc">{s.description}</p>}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {label} {problem}
        </p>
      )}
    </div>
  );
}
