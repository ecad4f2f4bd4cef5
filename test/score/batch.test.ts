// The batch collector (score/batch.ts), in-process: what it keeps of each agency.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScore, type ScoreOptions, type ScoreRun } from "../../src/score/run.js";
import { rubricKey } from "../../src/score/agency-result.js";
import { BatchCollector } from "../../src/score/batch.js";
import type { FileOutcome, RubricTable, ScoredAgency } from "../../src/score/types.js";
import { rubricOf } from "../helpers.js";

const rubric = rubricOf("test/fixtures/mini/rubric.yaml");

/** An agency as a worker thread sends it: every string its own copy, groups an ordinary object. */
function fromWorker(id: string, file: string, groups: Record<string, string>): ScoredAgency {
  const copy = (s: string) => (" " + s).slice(1);
  return {
    seq: 0,
    file: copy(file),
    document: 0,
    rubric: copy(rubricKey(rubric)),
    id,
    groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [copy(k), copy(v)])),
    index: 0.5,
    classification: copy("low"),
    stage: copy("publication"),
    next: copy("interaction"),
    blockedBy: [],
    pendingGates: [],
    dimensions: [0.5, 0.5, 0.5],
    weakest: copy(rubric.dimensions[0]!.id),
    belowTarget: [],
  };
}

describe("BatchCollector", () => {
  it("keeps each result with its groups prototype-free and shared, and its empty gate lists shared", () => {
    const rubrics: RubricTable = new Map([[rubricKey(rubric), rubric]]);
    const collector = new BatchCollector(rubrics, { filters: [], keepResults: true, groupBy: "sector" });
    const outcome = (file: string, agencies: ScoredAgency[]): FileOutcome => ({ file, agencies, problems: [] });
    collector.add(outcome("a.yaml", [fromWorker("a", "a.yaml", { sector: "health", region: "north" })]));
    collector.add(outcome("b.yaml", [fromWorker("b", "b.yaml", { sector: "health", region: "north" })]));
    collector.add(outcome("c.yaml", [fromWorker("c", "c.yaml", { sector: "toString", region: "north" })]));
    const { results, groups } = collector.finish("id");
    expect(results.map((r) => r.id)).toEqual(["a", "b", "c"]);
    const [a, b, c] = results;
    // A `--group-by toString` must find the value, never Object.prototype's member.
    expect(Object.getPrototypeOf(a!.groups)).toBeNull();
    expect((a!.groups as Record<string, unknown>).toString).toBeUndefined();
    expect(a!.groups).toBe(b!.groups);
    expect(c!.groups).not.toBe(a!.groups);
    expect({ ...c!.groups }).toEqual({ sector: "toString", region: "north" });
    expect(a!.blockedBy).toBe(b!.pendingGates);
    expect(groups.map((g) => [g.value, g.rollup.agencies])).toEqual([["health", 2], ["toString", 1]]);
    expect(results.map((r) => r.file)).toEqual(["a.yaml", "b.yaml", "c.yaml"]);
  });
});

describe("BatchCollector's kept results", () => {
  it("hold the same values as the agencies they keep, with a rank of 0 until the batch is finished", () => {
    const rubrics: RubricTable = new Map([[rubricKey(rubric), rubric]]);
    const collector = new BatchCollector(rubrics, { filters: [], keepResults: true });
    const given = { ...fromWorker("x", "x.yaml", { sector: "health" }), name: { en: "X", ar: "س" }, indexExact: "1/2", dimensions: [0.25, null, 1] };
    const streamed: unknown[] = [];
    const streaming = new BatchCollector(rubrics, { filters: [], keepResults: false, onAgency: (a) => streamed.push(a) });
    streaming.add({ file: "x.yaml", agencies: [{ ...given, belowTarget: [] }], problems: [] });
    // What is streamed (ndjson) is the agency as scored: no rank.
    expect(streamed[0]).not.toHaveProperty("rank");
    collector.add({ file: "x.yaml", agencies: [{ ...given, belowTarget: [] }], problems: [] });
    const [kept] = collector.finish().results;
    const { belowTarget: _b, seq: _s, groups, ...rest } = given;
    expect(kept).toMatchObject({ ...rest, rank: 1 });
    expect({ ...kept!.groups }).toEqual(groups);
    expect(kept!.dimensions).toEqual([0.25, null, 1]);
  });
});

/**
 * The heap a batch keeps per agency: the paths scored twice in this thread (the first run loads the
 * code and the rubric), the heap measured after a full collection before and after the second.
 */
async function heapKeptPerAgency(paths: string[], options: ScoreOptions, agencies: number): Promise<{ perAgency: number; run: ScoreRun }> {
  const { setFlagsFromString } = await import("node:v8");
  const { runInNewContext } = await import("node:vm");
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const first = await runScore(paths, { ...options, workers: 1 });
  expect(first.batch.errors).toEqual([]);
  expect(first.batch.results).toHaveLength(agencies);
  gc();
  const base = process.memoryUsage().heapUsed;
  const run = await runScore(paths, { ...options, workers: 1 });
  gc();
  expect(run.batch.results).toHaveLength(agencies);
  return { perAgency: (process.memoryUsage().heapUsed - base) / agencies, run };
}

describe("a batch's memory", () => {
  it("does not hold each file's text through the agency names and ids it keeps", async () => {
    // A slice of 13 characters or more is, in V8, a view of the whole string it was cut from: a kept
    // name cut from a file's text held the whole file (about 10 KB an agency before the fix).
    const dir = mkdtempSync(join(tmpdir(), "egov-batch-mem-"));
    const padding = `# ${"x".repeat(200)}\n`.repeat(100); // 20 KB of comment in every file
    const n = 400;
    for (let i = 0; i < n; i++) {
      writeFileSync(join(dir, `a${String(i).padStart(4, "0")}.yaml`), `${padding}rubric: ../../test/fixtures/mini/rubric.yaml\nagency:\n  id: agency-with-a-long-id-${i}\n  name: {en: "General Directorate of Passports number ${i}", ar: "الجهة ${i}"}\n  groups: {sector: "a sector with a long name"}\nanswers: {}\n`);
    }
    const { perAgency } = await heapKeptPerAgency([dir], { rubric: "test/fixtures/mini/rubric.yaml" }, n);
    // About 1 KB an agency is its result; 20 KB would be its file's text.
    expect(perAgency).toBeLessThan(4_000);
  });
});

describe("a table batch's memory", () => {
  it("does not hold the table's text through the ids and names it keeps, nor through its duplicate check", async () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-table-mem-"));
    const n = 3000;
    // A long unread column makes each row about 2 KB: a kept slice of a row would hold its piece of 1,024 rows.
    const rows = Array.from({ length: n }, (_, i) => `2022,"A country with a long name number ${i}",1,0.5,0.5,0.${(i % 90) + 10},0.5,0.5,${"x".repeat(2000)}`);
    const csv = join(dir, "t.csv");
    writeFileSync(csv, `Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index,Remarks\n${rows.join("\n")}\n`);
    const { perAgency, run } = await heapKeptPerAgency([csv], { mapping: "examples/composite/un-egdi-2022.mapping.yaml", map: ["Remarks=-"] }, n);
    expect([...run.batch.results].find((r) => r.id.endsWith("-2999"))?.name).toBe("A country with a long name number 2999");
    // Under 1 KB an agency is its result; a held piece would be 2 KB a row and more.
    expect(perAgency).toBeLessThan(1_500);
  });
});

describe("a batch's duplicate check with a table", () => {
  it("finds an id of a table again in a later file, an id of an earlier file in a table that comes last, and a table's own repeats", async () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-batch-dup-"));
    const yaml = (id: string) => `rubric: ../../test/fixtures/mini/rubric.yaml\nagency: {id: ${id}}\nanswers: {pub.a: 2}\n`;
    writeFileSync(join(dir, "before.yaml"), yaml("from-yaml"));
    writeFileSync(join(dir, "after.yaml"), yaml("from-table"));
    writeFileSync(join(dir, "t.csv"), "id,pub.a\nfrom-table,1\nfrom-yaml,2\nown,3\nown,4\n");
    const options: ScoreOptions = { rubric: "test/fixtures/mini/rubric.yaml", workers: 1 };
    const codes = (run: ScoreRun) => run.batch.errors.map((p) => `${p.code} ${(p.file ?? "").slice(dir.length + 1)}:${p.line} ${p.message}`);
    const tableFirst = await runScore([join(dir, "t.csv"), join(dir, "after.yaml")], options);
    expect(codes(tableFirst)).toEqual([
      "DUPLICATE_AGENCY t.csv:5 agency `own` appears again (first on line 4)",
      `DUPLICATE_AGENCY after.yaml:2 agency \`from-table\` is already in the batch (${join(dir, "t.csv")}); this one is left out`,
    ]);
    const tableLast = await runScore([join(dir, "before.yaml"), join(dir, "t.csv")], options);
    expect(codes(tableLast)).toEqual([
      "DUPLICATE_AGENCY t.csv:5 agency `own` appears again (first on line 4)",
      `DUPLICATE_AGENCY t.csv:1 agency \`from-yaml\` is already in the batch (${join(dir, "before.yaml")}); this one is left out`,
    ]);
    expect([...tableLast.batch.results].map((a) => a.id).sort()).toEqual(["from-table", "from-yaml", "own"]);
  });
});
