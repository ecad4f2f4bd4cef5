import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { readTextFile } from "../../src/io/read.js";
import { LIMITS, parseYamlStream } from "../../src/io/yaml.js";

const saved = LIMITS.maxFileBytes;
afterEach(() => {
  LIMITS.maxFileBytes = saved;
});

describe("limits that a crafted input must not get around", () => {
  it.skipIf(!existsSync("/dev/zero"))("reads a device or pipe (no size to stat) only up to the cap", () => {
    LIMITS.maxFileBytes = 1 << 20;
    const { text, problems } = readTextFile("/dev/zero");
    expect(text).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(["FILE_TOO_LARGE"]);
  });

  it("counts nesting on the parsed document, so a stray quote in a plain scalar cannot hide it", () => {
    const text = `rubric: egov-maturity@1\nagency: {id: a}\nassessor: b 'c\nanswers: {}\nx: ${"[".repeat(70)}${"]".repeat(70)}\n`;
    const { problems } = parseYamlStream(text, "f.yaml");
    expect(problems.map((p) => [p.code, p.line])).toEqual([["NESTING_TOO_DEEP", 5]]);
  });

  it("counts block nesting too", () => {
    let text = "x:\n";
    for (let i = 0, indent = "  "; i < 70; i++, indent += "  ") text += `${indent}k${i}:\n`;
    expect(parseYamlStream(`${text}  end: 1\n`, "f.yaml").problems.map((p) => p.code)).toContain("NESTING_TOO_DEEP");
  });
});
