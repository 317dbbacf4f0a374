import { describe, expect, it } from "vitest";
import { inWords } from "./http";

describe("an error without the server's explanation", () => {
  it("says in words that the server failed, never a bare 500", () => {
    const m = inWords(500, "");
    expect(m).toContain("The server failed");
    expect(m).toContain("HTTP 500");
    expect(m).not.toBe("500");
  });

  it("says a refusal is a refusal", () => {
    expect(inWords(409, "Conflict")).toBe("The server refused this (HTTP 409 Conflict).");
  });
});
