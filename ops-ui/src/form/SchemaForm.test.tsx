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
