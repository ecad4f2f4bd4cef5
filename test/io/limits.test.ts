import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { readTextFile } from "../../src/io/read.js";
import { valuesPastLimit } from "../../src/io/yaml-limits.js";
import { LIMITS, locate, parseYamlStream } from "../../src/io/yaml.js";
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

  it("counts a file's values before any parse: line ends and , [ { : - ? (an upper bound), up to a limit", () => {
    expect([LIMITS.maxPlacedValues, LIMITS.maxValues]).toEqual([100_000, 500_000]);
    const max = LIMITS.maxPlacedValues;
    // A text shorter than the limit cannot hold more values than it has characters: not scanned.
    expect(valuesPastLimit(",".repeat(max), max)).toBe(-1);
    expect(valuesPastLimit(`${",".repeat(max)}x`, max)).toBe(-1);
    expect(valuesPastLimit(`${",".repeat(max)},`, max)).toBe(max);
    for (const ch of ["\n", ",", "[", "{", ":", "-", "?"]) expect(valuesPastLimit(`x${ch.repeat(max + 1)}`, max), JSON.stringify(ch)).toBe(max + 1);
    // Quotes, comments and block scalars are counted through: no construct can hide values from it.
    expect(valuesPastLimit(`notes: |\n  - '\n${"- a\n".repeat(max)}`, max)).toBeGreaterThan(0);
    expect(valuesPastLimit(",".repeat(max + 1))).toBe(-1);
  });

  it("past 100,000 values a file is not parsed with positions: a problem in it is TOO_MANY_VALUES at the value past the limit, before the parser holds a node", () => {
    const past = (text: string) => parseYamlStream(text, "f.yaml").problems.map((p) => `${p.line}:${p.column} ${p.code}`);
    // Lines 1–3 count 8 (`:`, `{` and line ends), line 4's `:{:,:[` 6 more: the 99,987th comma is the
    // 100,001st value, at column 31 (the list's opening) + 2 × 99,987.
    expect(past(flowList(100_000))).toEqual([`4:${31 + 2 * 99_987} TOO_MANY_VALUES`]);
    expect(past(flowList(99_986))).toEqual([]);
    expect(past(`x:\n${"  - a\n".repeat(100_000)}`)).toEqual(["50001:3 TOO_MANY_VALUES"]);
    const bad = loadAssessmentText(flowList(200_000, 9), `${ROOT}test/fixtures/mini/big.yaml`);
    expect(bad.assessments).toEqual([]);
    expect(bad.problems.map((p) => [p.code, p.line])).toEqual([["TOO_MANY_VALUES", 4]]);
    expect(bad.problems[0]!.message).toMatch(/more than 100,000 values .*too many to place its problems/);
    expect(bad.problems[0]!.hint).toMatch(/split/);
    // Under the limit, the same file's problem is found at its line (full path).
    expect(loadAssessmentText(flowList(1_000, 9), `${ROOT}test/fixtures/mini/big.yaml`).problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(["4:18 LEVEL_OUT_OF_RANGE"]);
  });

  it("a valid file past 100,000 values is read by the fast path, and its documents are unplaced (line 1) where positions are asked for", () => {
    const good = loadAssessmentText(flowList(200_000), `${ROOT}test/fixtures/mini/big.yaml`);
    expect(good.problems).toEqual([]);
    expect(good.assessments.map((a) => a.assessment.agency.id)).toEqual(["a1"]);
    const parsed = good.assessments[0]!.parsed;
    expect(locate(parsed, ["answers", "pub.a", "level"])).toEqual({ line: 1, column: 1 });
    expect(parsed.lineCounter.linePos(0).line).toBe(1);
  });

  it("past 500,000 values a file is TOO_MANY_VALUES, valid or not", () => {
    // Lines 1–3 count 8, line 4's 6 more: the 499,987th comma is the 500,001st value.
    for (const level of [2, 9]) {
      const { assessments, problems } = loadAssessmentText(flowList(500_000, level), `${ROOT}test/fixtures/mini/big.yaml`);
      expect(assessments).toEqual([]);
      expect(problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([`4:${31 + 2 * 499_987} TOO_MANY_VALUES`]);
      expect(problems[0]!.message).toMatch(/the limit is 500,000$/);
    }
    expect(loadAssessmentText(flowList(499_986), `${ROOT}test/fixtures/mini/big.yaml`).problems).toEqual([]);
  });
});
