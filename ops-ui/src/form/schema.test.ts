import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../api/types";
import { fieldsOf, initialValues, problemsFromServer, toParams, validate } from "./schema";

// The topology-discovery schema as the server ships it, plus the other keywords the form mirrors.
const schema: JsonSchema = {
  type: "object",
  required: ["site", "name"],
  properties: {
    site: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,31}$" },
    parallelism: { type: "integer", minimum: 1, maximum: 64, default: 8 },
    name: { type: "string", minLength: 3, maxLength: 5 },
    mode: { enum: ["safe", "fast"] },
    dryRun: { type: "boolean", default: true },
    tags: { type: "array", items: { type: "string", pattern: "^[a-z]+$" }, minItems: 1, maxItems: 2, uniqueItems: true },
  },
};

const valid = { site: "sha", parallelism: "8", name: "abc", mode: "", dryRun: false, tags: "" };

describe("validate", () => {
  it("accepts what the server accepts", () => {
    expect(validate(schema, valid)).toEqual({});
  });

  it("names every missing required field", () => {
    expect(validate(schema, { ...valid, site: " ", name: "" })).toEqual({ site: "is required", name: "is required" });
  });

  it("checks the pattern like the server (unanchored unless the pattern anchors)", () => {
    expect(validate(schema, { ...valid, site: "SHA" }).site).toMatch(/pattern/);
    expect(validate(schema, { ...valid, site: "-sha" }).site).toMatch(/pattern/);
  });

  it("keeps integers whole and within minimum and maximum", () => {
    expect(validate(schema, { ...valid, parallelism: "0" }).parallelism).toBe("must be at least 1");
    expect(validate(schema, { ...valid, parallelism: "65" }).parallelism).toBe("must be at most 64");
    expect(validate(schema, { ...valid, parallelism: "2.5" }).parallelism).toBe("must be a whole number");
    expect(validate(schema, { ...valid, parallelism: "eight" }).parallelism).toBe("must be a whole number");
    expect(validate(schema, { ...valid, parallelism: "" }).parallelism).toBeUndefined();
  });

  it("counts string length in characters", () => {
    expect(validate(schema, { ...valid, name: "ab" }).name).toMatch(/at least 3/);
    expect(validate(schema, { ...valid, name: "abcdef" }).name).toMatch(/at most 5/);
    expect(validate(schema, { ...valid, name: "ab😀" }).name).toBeUndefined();
  });

  it("checks enums and string arrays item by item", () => {
    expect(validate(schema, { ...valid, mode: "slow" }).mode).toBe("is not one of the choices");
    expect(validate(schema, { ...valid, tags: "a\nb\nc" }).tags).toMatch(/at most 2/);
    expect(validate(schema, { ...valid, tags: "a\na" }).tags).toMatch(/same entry twice/);
    expect(validate(schema, { ...valid, tags: "a\nB" }).tags).toMatch(/"B" does not match/);
  });
});

describe("toParams", () => {
  it("sends typed values and leaves empty optional fields to the server's defaults", () => {
    const raw = { ...initialValues(schema), site: "sha", name: "abc", parallelism: "", tags: "x\n\n y " };
    expect(toParams(schema, raw)).toEqual({ site: "sha", name: "abc", dryRun: true, tags: ["x", "y"] });
  });

  it("starts from the schema's defaults", () => {
    expect(initialValues(schema)).toMatchObject({ parallelism: "8", dryRun: true, site: "" });
    expect(fieldsOf(schema).map((f) => f.kind)).toEqual(["string", "integer", "string", "enum", "boolean", "string-array"]);
  });
});

it("maps the server's field problems onto form fields", () => {
  expect(problemsFromServer([{ field: "params.site", message: "does not match" }, { field: "params.network.label", message: "x" }])).toEqual({
    site: "does not match",
    network: "x",
  });
});

describe("a map of strings (pod labels)", () => {
  const pod: JsonSchema = {
    type: "object",
    properties: {
      podLabels: { type: "object", maxProperties: 2, additionalProperties: { type: "string", pattern: "^[a-z]+$" } },
    },
  };

  it("is one key=value per line, sent as an object", () => {
    expect(fieldsOf(pod)[0].kind).toBe("string-map");
    expect(toParams(pod, { podLabels: "app = cart\nns=shop\n" })).toEqual({ podLabels: { app: "cart", ns: "shop" } });
    expect(toParams(pod, { podLabels: "" })).toEqual({});
  });

  it("names a line without =, a bad value and too many entries", () => {
    expect(validate(pod, { podLabels: "app" })).toEqual({ podLabels: '"app" is not a key=value line' });
    expect(validate(pod, { podLabels: "app=Cart" }).podLabels).toContain('app: "Cart" does not match');
    expect(validate(pod, { podLabels: "a=x\nb=y\nc=z" })).toEqual({ podLabels: "takes at most 2 entries" });
    expect(validate(pod, { podLabels: "a=x\na=y" })).toEqual({ podLabels: "has the same key twice" });
  });
});
