/**
 * Fuzzing the real loaders and every renderer (DESIGN.md §7): valid files mutated — lines deleted,
 * duplicated and swapped, bytes flipped, the file truncated — and read in-process. The only
 * outcomes allowed are a result or reported problems (each with a code and a position); never an
 * uncaught exception. Whatever loads is scored and rendered in every format of the report and
 * compare registries. 2,000 runs per entry point.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fastParseYaml } from "../../src/io/fast-yaml.js";
import { compare } from "../../src/core/compare.js";
import type { Problem } from "../../src/core/problems.js";
import { score } from "../../src/core/score.js";
import { loadAssessmentText, type AssessmentLoad } from "../../src/io/assessment-load.js";
import { loadAssessmentCsvText } from "../../src/io/csv-load.js";
import { decodeText } from "../../src/io/read.js";
import { loadRubricFile } from "../../src/io/rubric-load.js";
import { parseYamlStream } from "../../src/io/yaml.js";
import type { RenderContext } from "../../src/render/context.js";
import { compareFormats } from "../../src/compare/formats/index.js";
import { reportFormats } from "../../src/report/formats/index.js";
import { ROOT } from "../helpers.js";

const RUNS = Number(process.env.EGOV_MATURITY_FUZZ_RUNS ?? 2000);
const MINI = join(ROOT, "test/fixtures/mini");
const CTX: RenderContext = { lang: "en", color: false, toolVersion: "0.0.0-test", now: new Date("2026-11-21T00:00:00Z"), width: 80 };
const CTX_AR: RenderContext = { ...CTX, lang: "ar", color: true };

/** A mutation of a file's bytes. */
type Mutation =
  | { op: "delete"; line: number }
  | { op: "duplicate"; line: number }
  | { op: "swap"; a: number; b: number }
  | { op: "flip"; at: number; bits: number }
  | { op: "truncate"; at: number }
  | { op: "insert"; at: number; text: string };

/** Fragments that stress the parser and the schemas when inserted anywhere. */
const FRAGMENTS = ["\t", ": ", "- ", "[", "{", "}", "]", "&a ", "*a", "!!binary ", "!foo ", ".nan", "1e400", "__proto__: 1\n", "constructor", "\u202E", "\u200B", "\u0000", "'", '"', "#", "---\n", "? ", "|\n", "<<: *a\n", "\r\n", "\uFEFF", "-1", "2.5", "null", "~"];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), line: fc.nat() }),
  fc.record({ op: fc.constant("duplicate" as const), line: fc.nat() }),
  fc.record({ op: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8, unit: "binary" })) }),
);

function mutate(source: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = source;
  for (const m of mutations) {
    if (m.op === "flip" || m.op === "truncate" || m.op === "insert") {
      if (bytes.length === 0) continue;
      const at = m.at % bytes.length;
      if (m.op === "flip") {
        bytes = Buffer.from(bytes);
        bytes[at] = bytes[at]! ^ m.bits;
      } else if (m.op === "truncate") bytes = bytes.subarray(0, at);
      else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
      continue;
    }
    const lines = bytes.toString("latin1").split("\n");
    const i = (m.op === "swap" ? m.a : m.line) % lines.length;
    if (m.op === "delete") lines.splice(i, 1);
    else if (m.op === "duplicate") lines.splice(i, 0, lines[i]!);
    else {
      const j = m.b % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    bytes = Buffer.from(lines.join("\n"), "latin1");
  }
  return bytes;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** A reported problem is data: a code, a message, a place. */
function expectWellFormed(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(typeof p.message).toBe("string");
    expect(p.line === undefined || (Number.isInteger(p.line) && p.line >= 1)).toBe(true);
    expect(p.column === undefined || (Number.isInteger(p.column) && p.column >= 1)).toBe(true);
  }
}

/** Every loaded assessment scored and rendered in every report and compare format, in both languages. */
function renderAll(load: AssessmentLoad): void {
  expectWellFormed(load.problems);
  for (const loaded of load.assessments) {
    const report = score(loaded.rubric, loaded.assessment);
    expect(report.index === null || (report.index >= 0 && report.index <= 1)).toBe(true);
    for (const render of Object.values(reportFormats)) {
      expect(typeof render(report, CTX)).toBe("string");
      expect(typeof render(report, CTX_AR)).toBe("string");
    }
    const before = { rubric: loaded.rubric, assessment: { ...loaded.assessment, date: "2025-01-01" } };
    const after = { rubric: loaded.rubric, assessment: { ...loaded.assessment, date: "2026-01-01" } };
    const comparison = compare([before, after]);
    for (const render of Object.values(compareFormats)) expect(typeof render(comparison, CTX)).toBe("string");
  }
}

const file = (name: string) => join(MINI, name);
const sources = {
  agency: readFileSync(file("agency.yaml")),
  example: readFileSync(join(ROOT, "examples/passport-directorate.yaml")),
  rubric: readFileSync(file("rubric.yaml")),
  csv: Buffer.from("id,name,pub.a,pub.b,exe.share,exe.days,sec.policy,sec.audit\na1,Agency One,3,2,80,6,no,60\nb2,\"Two, Inc\",n/a,Established,12.5,30,yes,\n"),
};

const tmp = mkdtempSync(join(tmpdir(), "egov-fuzz-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe(`fuzz: mutated valid files give a result or problems, never an exception (${RUNS} runs each)`, () => {
  it("assessment loader (the mini fixture) and every renderer", () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const decoded = decodeText(mutate(sources.agency, ms), file("agency.yaml"));
        expectWellFormed(decoded.problems);
        if (decoded.text !== undefined) renderAll(loadAssessmentText(decoded.text, file("agency.yaml")));
      }),
      { numRuns: RUNS },
    );
  });

  it("assessment loader (an example on the built-in rubric) and every renderer", () => {
    // The example's first 40 lines: the header and the first answers, mutated.
    const head = Buffer.from(sources.example.toString("utf8").split("\n").slice(0, 40).join("\n"));
    const path = join(ROOT, "examples/passport-directorate.yaml");
    fc.assert(
      fc.property(mutations, (ms) => {
        const decoded = decodeText(mutate(head, ms), path);
        if (decoded.text !== undefined) renderAll(loadAssessmentText(decoded.text, path));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("rubric loader (through a file, as the CLI reads it)", () => {
    let n = 0;
    fc.assert(
      fc.property(mutations, (ms) => {
        const path = join(tmp, `rubric-${n++}.yaml`);
        writeFileSync(path, mutate(sources.rubric, ms));
        const loaded = loadRubricFile(path);
        expectWellFormed(loaded.problems);
        expect(loaded.rubric !== undefined || loaded.problems.length > 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("CSV loader and every renderer", () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const decoded = decodeText(mutate(sources.csv, ms), join(tmp, "table.csv"));
        if (decoded.text !== undefined) renderAll(loadAssessmentCsvText(decoded.text, join(tmp, "table.csv"), { rubric: file("rubric.yaml") }));
      }),
      { numRuns: RUNS },
    );
  });

  it("the batch's fast YAML reader accepts only what the full parser reads the same way", () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(sources.agency, ms).toString("utf8");
        const fast = fastParseYaml(text);
        if (fast === undefined) return;
        const full = parseYamlStream(text, "x.yaml");
        expect(full.problems.map((p) => p.code)).toEqual([]);
        expect(fast).toEqual(full.documents.map((d) => d.value ?? null));
      }),
      { numRuns: RUNS },
    );
  });
});
