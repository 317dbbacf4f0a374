import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Editor } from "./Editor";

const yaml = "name: x\ntitle: X\nsteps:\n  - id: a\n    action: lgo\n";

describe("The runbook editor", () => {
  it("marks the line a problem is on and puts the cursor at its column when clicked", async () => {
    render(
      <Editor
        value={yaml}
        onChange={() => {}}
        problems={[{ field: "source/steps/0/action", message: "no action named `lgo`", line: 5, column: 13 }]}
      />,
    );
    const gutter = screen.getByText("5", { selector: "li" });
    expect(gutter.className).toBe("bad");
    expect(screen.getByText("4", { selector: "li" }).className).toBe("");
    await userEvent.click(screen.getByRole("button", { name: "5:13" }));
    const area = screen.getByRole("textbox", { name: "Runbook YAML" }) as HTMLTextAreaElement;
    // Line 5 starts after the four lines before it; column 13 is the action's name.
    expect(area.selectionStart).toBe(yaml.indexOf("lgo"));
    expect(screen.getByText(/no action named/)).toBeTruthy();
  });

  it("highlights keys and expressions", () => {
    const { container } = render(<Editor value={'msg: "${params.site}"'} onChange={() => {}} problems={[]} />);
    expect(container.querySelector(".tok-key")?.textContent).toBe("msg");
    expect(container.querySelector(".tok-expr")?.textContent).toBe("${params.site}");
  });
});
