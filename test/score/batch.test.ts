// The batch collector (score/batch.ts), in-process: what it keeps of each agency.
import { describe, expect, it } from "vitest";
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
