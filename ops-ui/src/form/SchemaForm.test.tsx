import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, it } from "vitest";
import type { JsonSchema } from "../api/types";
import { SchemaForm } from "./SchemaForm";
import { initialValues, validate, type RawValues } from "./schema";

const schema: JsonSchema = {
  type: "object",
  required: ["site"],
  properties: {
    site: { type: "string", title: "Site", pattern: "^[a-z]+$" },
    parallelism: { type: "integer", title: "Parallel reads", minimum: 1, maximum: 64 },
  },
};

function Harness() {
  const [values, setValues] = useState<RawValues>(initialValues(schema));
  return <SchemaForm schema={schema} values={values} problems={validate(schema, values)} onChange={setValues} pickers={{ site: [{ value: "sha", label: "sha — Shanghai" }] }} />;
}

it("gives a field named site the site picker and labels every control", async () => {
  render(<Harness />);
  const site = screen.getByLabelText(/Site/);
  expect(site.tagName).toBe("SELECT");
  expect(screen.getByRole("option", { name: "sha — Shanghai" })).toBeInTheDocument();
  expect(site).toHaveAttribute("aria-invalid", "true");
  await userEvent.selectOptions(site, "sha");
  expect(site).not.toHaveAttribute("aria-invalid");
});

it("shows the problem next to the field and ties it to the control", async () => {
  render(<Harness />);
  const input = screen.getByLabelText("Parallel reads");
  await userEvent.type(input, "99");
  expect(screen.getByText("Parallel reads must be at most 64")).toBeInTheDocument();
  expect(input).toHaveAttribute("aria-describedby", expect.stringContaining("param-parallelism-error"));
});

it("offers an integer field its picker, narrowed to the chosen site", async () => {
  const spawn: JsonSchema = {
    type: "object",
    properties: { site: { type: "string", title: "Site" }, networkId: { type: "integer", title: "Network" } },
  };
  function Spawn() {
    const [values, setValues] = useState<RawValues>(initialValues(spawn));
    const networks = [
      { value: "1", label: "sha-prod", site: "sha" },
      { value: "2", label: "sin-prod", site: "sin" },
    ];
    const sites = [
      { value: "sha", label: "sha" },
      { value: "sin", label: "sin" },
    ];
    return <SchemaForm schema={spawn} values={values} problems={{}} onChange={setValues} pickers={{ site: sites, networkId: networks }} />;
  }
  render(<Spawn />);
  expect(screen.getByLabelText("Network").tagName).toBe("SELECT");
  expect(screen.getByRole("option", { name: "sin-prod" })).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText("Site"), "sha");
  expect(screen.queryByRole("option", { name: "sin-prod" })).not.toBeInTheDocument();
  expect(screen.getByRole("option", { name: "sha-prod" })).toBeInTheDocument();
});
