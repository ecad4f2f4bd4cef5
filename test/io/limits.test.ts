import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { readTextFile } from "../../src/io/read.js";
import { valuesPastLimit } from "../../src/io/yaml-limits.js";
import { LIMITS, parseYamlStream } from "../../src/io/yaml.js";
import { ROOT } from "../helpers.js";

const saved = LIMITS.maxFileBytes;
afterEach(() => {
  LIMITS.maxFileBytes = saved;
});

/** A mini-rubric assessment whose one answer has `items` evidence texts in one flow list. */
const flowList = (items: number, level = 2) => `rubric: ./rubric.yaml\nagency: {id: a1}\nanswers:\n  pub.a: {level: ${level}, evidence: [${"a,".repeat(items - 1)}a]}\n`;

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

  it("counts a file's values before any parse: line ends and , [ { : - ? (an upper bound), up to the limit", () => {
    expect(LIMITS.maxValues).toBe(100_000);
    // A text shorter than the limit cannot hold more values than it has characters: not scanned.
    expect(valuesPastLimit(",".repeat(LIMITS.maxValues))).toBe(-1);
    expect(valuesPastLimit(`${",".repeat(LIMITS.maxValues)}x`)).toBe(-1);
    expect(valuesPastLimit(`${",".repeat(LIMITS.maxValues)},`)).toBe(LIMITS.maxValues);
    for (const ch of ["\n", ",", "[", "{", ":", "-", "?"]) expect(valuesPastLimit(`x${ch.repeat(LIMITS.maxValues + 1)}`), JSON.stringify(ch)).toBe(LIMITS.maxValues + 1);
    // Quotes, comments and block scalars are counted through: no construct can hide values from it.
    expect(valuesPastLimit(`notes: |\n  - '\n${"- a\n".repeat(LIMITS.maxValues)}`)).toBeGreaterThan(0);
  });

  it("a file past the limit is TOO_MANY_VALUES at the value past it, valid or not, before the parser holds a node of it", () => {
    const past = (text: string) => parseYamlStream(text, "f.yaml").problems.map((p) => `${p.line}:${p.column} ${p.code}`);
    // Lines 1–3 count 8 (`:`, `{` and line ends), line 4's `:{:,:[` 6 more: the 99,987th comma is the
    // 100,001st value, at column 31 (the list's opening) + 2 × 99,987.
    expect(past(flowList(LIMITS.maxValues))).toEqual([`4:${31 + 2 * 99_987} TOO_MANY_VALUES`]);
    expect(past(flowList(99_986))).toEqual([]);
    expect(past(`x:\n${"  - a\n".repeat(LIMITS.maxValues)}`)).toEqual([`${LIMITS.maxValues / 2 + 1}:3 TOO_MANY_VALUES`]);
    for (const level of [2, 9]) {
      const { assessments, problems } = loadAssessmentText(flowList(200_000, level), `${ROOT}test/fixtures/mini/big.yaml`);
      expect(assessments).toEqual([]);
      expect(problems.map((p) => [p.code, p.line])).toEqual([["TOO_MANY_VALUES", 4]]);
      expect(problems[0]!.hint).toMatch(/split/);
    }
    // Under the limit, the same file loads (fast path) and its problem is found (full path).
    expect(loadAssessmentText(flowList(1_000), `${ROOT}test/fixtures/mini/big.yaml`).problems).toEqual([]);
    expect(loadAssessmentText(flowList(1_000, 9), `${ROOT}test/fixtures/mini/big.yaml`).problems.map((p) => p.code)).toEqual(["LEVEL_OUT_OF_RANGE"]);
  });
});
