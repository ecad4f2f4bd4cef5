// The batch's column store of kept results (score/kept-agencies.ts, score/columns.ts): every field of
// every agency comes back as it went in, and a finished batch lists what a list of objects ranked,
// sorted and cut as before the store (the oracle below is that code, on plain objects) gave.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKey } from "../../src/core/exact.js";
import type { Rubric } from "../../src/core/rubric.js";
import { localise } from "../../src/core/text.js";
import { rubricKey } from "../../src/score/agency-result.js";
import { BatchCollector } from "../../src/score/batch.js";
import { BLOCK_ROWS, NumberRows, PackedStrings, ValueColumn } from "../../src/score/columns.js";
import { KeptAgencies } from "../../src/score/kept-agencies.js";
import { SORT_KEYS } from "../../src/score/listing-order.js";
import { runBatch } from "../../src/score/pool.js";
import { competitionRanks, compareDesc } from "../../src/score/rank.js";
import type { AgencyList, AgencyResult, RankedAgency, RubricTable, ScoredAgency } from "../../src/score/types.js";
import { rubricOf } from "../helpers.js";

const rubric = rubricOf("test/fixtures/mini/rubric.yaml");

/** Every field of a kept agency. */
const FIELDS = ["seq", "file", "document", "rubric", "id", "name", "groups", "index", "classification", "stage", "next", "blockedBy", "pendingGates", "dimensions", "indexExact", "weakest", "rank"] as const;

/** The listing as it was made before the column store: objects ranked, sorted and cut in place. */
function oracle(agencies: readonly AgencyResult[], rubric: Rubric, sort: string, top: number | undefined, lang: string): RankedAgency[] {
  const ranks = competitionRanks(agencies.map((a) => a.index), agencies.map((a) => a.indexExact));
  const ranked: RankedAgency[] = agencies.map((a, i) => ({ ...a, rank: ranks[i]! }));
  const byValue = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0);
  const byRank = (a: RankedAgency, b: RankedAgency) => a.rank - b.rank || byValue(a.id, b.id) || a.seq - b.seq;
  const stageOrder = rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
  const dim = rubric.dimensions.findIndex((d) => d.id === sort);
  const collator = new Intl.Collator(lang);
  const fallback = rubric.languages[0] ?? "en";
  const order: Record<string, (a: RankedAgency, b: RankedAgency) => number> = {
    name: (a, b) => collator.compare(localise(a.name ?? a.id, lang, fallback), localise(b.name ?? b.id, lang, fallback)) || byRank(a, b),
    id: (a, b) => byValue(a.id, b.id) || a.seq - b.seq,
    file: (a, b) => a.seq - b.seq,
    stage: (a, b) => (b.stage === null ? -1 : stageOrder.indexOf(b.stage)) - (a.stage === null ? -1 : stageOrder.indexOf(a.stage)) || byRank(a, b),
  };
  ranked.sort(order[sort] ?? (dim >= 0 ? (a, b) => compareDesc(a.dimensions[dim] ?? null, b.dimensions[dim] ?? null) || byRank(a, b) : byRank));
  return top === undefined ? ranked : ranked.slice(0, top);
}

/** The list equals the oracle's, field by field; and reading it by `at`, by `map` and by iterating gives the same. */
function expectListing(list: AgencyList, expected: readonly RankedAgency[]): void {
  const read = [...list];
  expect(list.length).toBe(expected.length);
  // Each agency as [field, value] pairs in field order: a failure names the field.
  const fields = (a: RankedAgency) => FIELDS.map((field) => [field, a[field]]);
  expect(read.map(fields)).toEqual(expected.map(fields));
  for (const agency of read) expect(Object.keys(agency)).toEqual([...FIELDS]);
  expect(list.map((a, i) => [i, a.id])).toEqual(expected.map((a, i) => [i, a.id]));
  expect(list.at(0)?.id).toBe(expected[0]?.id);
  expect(list.at(-1)?.id).toBe(expected.at(-1)?.id);
  expect(list.at(expected.length)).toBeUndefined();
}

/** Every sort key (and every dimension) with and without a cut. */
const SORTS = [...SORT_KEYS, ...rubric.dimensions.map((d) => d.id)];
const TOPS = [undefined, 1, 3];

/** A hand-made agency of the mini rubric. */
function agency(over: Partial<ScoredAgency> & { id: string }): ScoredAgency {
  return {
    seq: 0,
    file: `${over.id}.yaml`,
    document: 0,
    rubric: rubricKey(rubric),
    groups: {},
    index: 0.5,
    classification: "high",
    stage: "publication",
    next: "execution",
    blockedBy: [],
    pendingGates: [],
    dimensions: [0.5, 0.5, 0.5],
    weakest: "publication",
    belowTarget: [],
    ...over,
  };
}

/** Indices that tie only in exact arithmetic, near-ties the exact index breaks, nulls, every kind of field. */
function mixedAgencies(): ScoredAgency[] {
  const gate = [{ dimension: "security", min: 0.5, score: 0.25 }];
  const pending = [{ criterion: "sec.policy", min: 1, score: 0 }];
  return [
    agency({ id: "exact-3", index: 0.3, indexExact: "3/10", name: "Three", classification: "low" }),
    agency({ id: "float-3", index: 0.1 + 0.2, indexExact: "3/10", name: { en: "Three", ar: "ثلاثة" }, classification: "low", groups: { sector: "health" } }),
    agency({ id: "above-3", index: 0.3 + 1e-12, indexExact: "300000000001/1000000000000", classification: "low", stage: null, next: "publication", weakest: null }),
    agency({ id: "none", index: null, classification: null, stage: null, next: "publication", dimensions: [null, null, null], weakest: null, name: "Nothing applies" }),
    agency({ id: "half", index: 0.5, indexExact: "1/2", dimensions: [0.25, null, 1], blockedBy: gate, pendingGates: pending, groups: { sector: "toString", region: "north" } }),
    agency({ id: "half-big", index: 0.5, indexExact: "9007199254740993/18014398509481986", file: "multi.yaml", document: 0 }),
    agency({ id: "half-up", index: 0.5 + 5e-10, indexExact: "5000000005/10000000000", file: "multi.yaml", document: 1, name: "Half" }),
    agency({ id: "no-exact", index: 0.7, file: "multi.yaml", document: 2, stage: "execution", next: null, dimensions: [0.9, 0.6, 0.6] }),
    agency({ id: "no-exact-too", index: 0.7 + 1e-10, file: "t.csv", document: 7, stage: "execution", next: null, name: "Half", dimensions: [0.6, 0.9, 0.6] }),
    agency({ id: "half", index: 0.9, indexExact: "9/10" }), // a duplicate: left out, its seq skipped
    agency({ id: "odd-key", index: 0.25, indexExact: "05/20", file: "t.csv", document: 8, dimensions: [0.25, 0.25, 0.25] }),
  ];
}

describe("the column store's columns", () => {
  it("keep numbers across blocks, NaN and -0 included", () => {
    const numbers = new NumberRows(3);
    const value = (row: number, k: number) => (row % 97 === 0 ? NaN : row % 89 === 0 ? -0 : row * 3 + k + row / 7);
    const rows = BLOCK_ROWS * 2 + 5;
    for (let row = 0; row < rows; row++) for (let k = 0; k < 3; k++) numbers.push(value(row, k));
    const wrong = [];
    for (let row = 0; row < rows; row++) for (let k = 0; k < 3; k++) if (!Object.is(numbers.get(row, k), value(row, k))) wrong.push([row, k]);
    expect(wrong).toEqual([]);
  });

  it("code few values, and keep every row's value when they stop coding (too many, or plain)", () => {
    const shared = { a: 1 };
    const many = new ValueColumn<string | object | null>();
    const plain = new ValueColumn<string | object | null>(true);
    const value = (row: number) => (row % 5 === 0 ? null : row % 5 === 1 ? shared : row % 5 === 2 ? "same" : `value ${row}`);
    const rows = 70_000 * 2; // past 65,536 distinct values
    for (let row = 0; row < rows; row++) {
      many.push(value(row));
      plain.push(value(row));
    }
    const wrong = [];
    for (let row = 0; row < rows; row++) if (many.get(row) !== value(row) || plain.get(row) !== value(row)) wrong.push(row);
    expect(wrong).toEqual([]);
  });

  it("pack strings a block at a time, and keep other values, undefined and over-long strings aside", () => {
    const object = { en: "Name", ar: "اسم" };
    const value = (row: number) => (row % 11 === 0 ? undefined : row % 13 === 0 ? object : row % 17 === 0 ? "" : row % 19 === 0 ? `جهة ${row}` : row % 23 === 0 ? "x".repeat(300) : `Country ${row}`);
    const rows = BLOCK_ROWS * 2 + 100;
    const packed = new PackedStrings<object>(20_000);
    for (let row = 0; row < rows; row++) packed.push(value(row));
    const wrong = [];
    for (let row = 0; row < rows; row++) if (packed.get(row) !== value(row)) wrong.push(row);
    expect(wrong).toEqual([]);
  });

  it("never join a block's strings past V8's longest string", () => {
    const long = "n".repeat(1 << 17); // 4,096 of them: 2^29 characters, past the longest string
    const packed = new PackedStrings<object>();
    for (let row = 0; row < BLOCK_ROWS; row++) packed.push(long);
    expect([packed.get(0), packed.get(BLOCK_ROWS - 1)]).toEqual([long, long]);
  });

  it("give back each kept agency with every field it had", () => {
    const kept = new KeptAgencies(3);
    // A key whose parts print back as written but are past 2⁵³ (the nearest double is 2⁶⁰, not this number).
    const past = [agency({ id: "past-2-53", index: 0.2, indexExact: "1152921504606847000/3" }), agency({ id: "past-2-53-d", index: 0.2, indexExact: "3/1152921504606847000" })];
    const given = [...mixedAgencies(), ...past].map(({ belowTarget: _b, ...a }, seq): AgencyResult => ({ ...a, seq }));
    for (const a of given) kept.add(a);
    given.forEach((a, row) => {
      expect(kept.agency(row)).toEqual({ ...a, rank: 0 });
      expect(kept.exact(row)).toEqual(a.indexExact === undefined ? undefined : parseKey(a.indexExact));
    });
    expect(kept.agency(4).blockedBy).toBe(given[4]!.blockedBy);
    expect(kept.agency(0).blockedBy).toBe(kept.agency(1).pendingGates);
  });
});

describe("a finished batch through the column store", () => {
  it("lists what the objects listed, for every sort key and cut, ties decided on the exact index", () => {
    const rubrics: RubricTable = new Map([[rubricKey(rubric), rubric]]);
    const accepted: AgencyResult[] = [];
    const collector = new BatchCollector(rubrics, { filters: [], keepResults: true, onAgency: (a) => accepted.push(structuredClone(a)) });
    const agencies = mixedAgencies();
    for (const a of agencies) collector.add({ file: a.file, agencies: [a], problems: [] });
    expect(accepted).toHaveLength(agencies.length - 1);
    for (const sort of SORTS) for (const top of TOPS) expectListing(collector.finish(sort, top).results, oracle(accepted, rubric, sort, top, "en"));
    const ranks = Object.fromEntries([...collector.finish().results].map((a) => [a.id, a.rank]));
    // Equal in exact arithmetic: one rank whatever the float noise; 1e-12 above: a rank of its own.
    expect([ranks["exact-3"], ranks["float-3"], ranks["above-3"]]).toEqual([7, 7, 6]);
    expect([ranks["half-up"], ranks["half"], ranks["half-big"], ranks["none"]]).toEqual([3, 4, 4, 10]);
  });

  it("lists what the objects listed on scored files: tables, multi-document files, N/A dimensions, several blocks of rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-kept-"));
    copyFileSync(resolve("test/fixtures/mini/rubric.yaml"), join(dir, "rubric.yaml"));
    const answers = (i: number) => `{pub.a: ${i % 5}, pub.b: ${(i * 7) % 5}, exe.share: {value: ${(i * 13) % 101}}, exe.days: ${i % 31}, sec.policy: ${i % 2 === 0}, sec.audit: ${i % 3 === 0 ? "{na: none here}" : (i * 11) % 100}}`;
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `a${i}.yaml`), `rubric: ./rubric.yaml\nagency: {id: y${i}, name: {en: "Agency ${i % 3}", ar: "جهة ${i}"}, groups: {sector: s${i % 2}}}\nanswers: ${answers(i)}\n`);
    writeFileSync(join(dir, "multi.yaml"), [0, 1, 2].map((d) => `rubric: ./rubric.yaml\nagency: {id: m${d}}\nanswers: ${d === 1 ? "{sec.policy: {na: none}, sec.audit: {na: none}}" : answers(d + 40)}\n`).join("---\n"));
    const rows = Array.from({ length: BLOCK_ROWS + 900 }, (_, i) => `t${i},Country ${i % 1000},r${i % 4},${i % 5},${(i * 3) % 5},${(i * 17) % 101},${i % 31},${i % 2 === 0 ? "yes" : "no"},${i % 9 === 0 ? "N/A" : (i * 7) % 100}`);
    writeFileSync(join(dir, "t.csv"), `id,name,group.sector,pub.a,pub.b,exe.share,exe.days,sec.policy,sec.audit\n${rows.join("\n")}\n`);
    const files = [...Array.from({ length: 6 }, (_, i) => join(dir, `a${i}.yaml`)), join(dir, "multi.yaml"), join(dir, "t.csv")];
    const rubrics: RubricTable = new Map();
    const accepted: AgencyResult[] = [];
    const collector = new BatchCollector(rubrics, { filters: [], keepResults: true, onAgency: (a) => accepted.push(structuredClone(a)) });
    await runBatch(files, { workers: 1, rubric: join(dir, "rubric.yaml") }, rubrics, (outcome) => collector.add(outcome));
    const batch = collector.finish();
    expect(batch.errors).toEqual([]);
    expect(accepted).toHaveLength(6 + 3 + BLOCK_ROWS + 900);
    const scored = batch.rubric!;
    expect(accepted.some((a) => a.dimensions.includes(null))).toBe(true);
    expect(accepted.some((a) => a.document === 2 && a.file.endsWith("multi.yaml"))).toBe(true);
    for (const sort of SORTS) expectListing(collector.finish(sort, sort === "rank" ? 10 : undefined).results, oracle(accepted, scored, sort, sort === "rank" ? 10 : undefined, "en"));
    expectListing(collector.finish("name", undefined, "ar").results, oracle(accepted, scored, "name", undefined, "ar"));
    // Ties: rows that share a rank are listed by id.
    const listed = [...batch.results];
    expect(new Set(listed.map((a) => a.rank)).size).toBeLessThan(listed.length);
  });
});
