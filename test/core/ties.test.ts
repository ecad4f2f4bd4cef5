import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/assessment.js";
import * as Q from "../../src/core/exact.js";
import { normaliseRubric } from "../../src/core/rubric-check.js";
import { RubricFileSchema } from "../../src/core/rubric-schema.js";
import { criterionScores, dimensionScores, exactScores, overallIndex, weakestDimension } from "../../src/core/score.js";
import { scoreAgency } from "../../src/score/agency-result.js";

const levels = { 0: "a", 1: "b", 2: "c", 3: "d", 4: "e" };
const scale = [0, 1, 2, 3, 4].map((value) => ({ value, label: String(value) }));
// a: five yes/no criteria, one yes → exactly 1/5 (the float 0.2).
// b: weights 0.1, 0.2, 0.7 at levels 1, 0, 1 → (0.1·¼ + 0.7·¼) / 1 = exactly 1/5, but 0.19999999999999998 in floats.
const rubric = normaliseRubric(
  RubricFileSchema.parse({
    id: "ties",
    version: "1.0.0",
    languages: ["en"],
    title: "Ties",
    scale,
    dimensions: [
      { id: "a", kind: "pillar", title: "A", criteria: [1, 2, 3, 4, 5].map((i) => ({ id: `a.${i}`, title: `A${i}`, type: "boolean" })) },
      {
        id: "b",
        kind: "pillar",
        title: "B",
        criteria: [
          { id: "b.1", title: "B1", weight: 0.1, levels },
          { id: "b.2", title: "B2", weight: 0.2, levels },
          { id: "b.3", title: "B3", weight: 0.7, levels },
        ],
      },
    ],
  }),
);

function answers(values: Record<string, Answer["answer"]>): Map<string, Answer> {
  return new Map(Object.entries(values).map(([id, answer]) => [id, { answer, evidence: [] }]));
}

const tie = answers({
  "a.1": { kind: "boolean", value: true },
  "a.2": { kind: "boolean", value: false },
  "a.3": { kind: "boolean", value: false },
  "a.4": { kind: "boolean", value: false },
  "a.5": { kind: "boolean", value: false },
  "b.1": { kind: "level", level: 1 },
  "b.2": { kind: "level", level: 0 },
  "b.3": { kind: "level", level: 1 },
});

describe("exact ties", () => {
  it("two dimensions both exactly 0.2 tie, and the first in rubric order is the weakest", () => {
    const dims = dimensionScores(rubric, criterionScores(rubric, tie));
    expect(dims.get("a")).toBe(0.2);
    expect(dims.get("b")).toBeLessThan(0.2); // float noise would make b the weakest
    const exact = exactScores(rubric, tie).dimensions;
    expect(Q.key(exact.get("a")!)).toBe("1/5");
    expect(Q.key(exact.get("b")!)).toBe("1/5");
    expect(weakestDimension(rubric, dims, tie)).toBe("a");
    expect(scoreAgency(rubric, { agency: { id: "t", groups: {} }, targets: {}, answers: tie }, { seq: 0, file: "t.yaml", document: 0 }).weakest).toBe("a");
  });

  it("a dimension lower in exact arithmetic is the weakest even within float noise of another", () => {
    const lower = new Map(tie);
    lower.set("a.1", { answer: { kind: "boolean", value: false }, evidence: [] });
    expect(weakestDimension(rubric, dimensionScores(rubric, criterionScores(rubric, lower)), lower)).toBe("a");
  });

  it("the exact index equals the float index up to noise (property)", () => {
    const answer = fc.oneof(
      fc.integer({ min: 0, max: 4 }).map((level): Answer["answer"] => ({ kind: "level", level })),
      fc.constant<Answer["answer"]>({ kind: "na", reason: "n/a" }),
      fc.constant<Answer["answer"]>({ kind: "unanswered" }),
    );
    const flag = fc.oneof(fc.boolean().map((value): Answer["answer"] => ({ kind: "boolean", value })), fc.constant<Answer["answer"]>({ kind: "na", reason: "n/a" }));
    fc.assert(
      fc.property(fc.tuple(flag, flag, flag, flag, flag, answer, answer, answer), (given) => {
        const ids = ["a.1", "a.2", "a.3", "a.4", "a.5", "b.1", "b.2", "b.3"];
        const map = new Map(ids.map((id, i) => [id, { answer: given[i]!, evidence: [] } as Answer]));
        const index = overallIndex(rubric, dimensionScores(rubric, criterionScores(rubric, map)));
        const exact = exactScores(rubric, map).index;
        if (index === null) expect(exact).toBeNull();
        else expect(Math.abs(Number(exact!.n) / Number(exact!.d) - index)).toBeLessThan(1e-12);
      }),
    );
  });

  it("reads typed numbers as the decimals they were written as", () => {
    expect(Q.key(Q.fromNumber(0.1))).toBe("1/10");
    expect(Q.key(Q.fromNumber(-2.5e-7))).toBe("-1/4000000");
    expect(Q.key(Q.fromNumber(1e21))).toBe("1000000000000000000000/1");
    expect(Q.compare(Q.add(Q.fromNumber(0.1), Q.fromNumber(0.2)), Q.fromNumber(0.3))).toBe(0);
  });
});

describe("typed values against band minima", () => {
  it("are compared exactly: 49.9999999999 is below a band that starts at 50", async () => {
    const { numberScore } = await import("../../src/core/score.js");
    const c = { id: "n", dimension: "d", title: "N", weight: 1, type: "number" as const, tags: [], direction: "higher" as const, bands: [{ min: 50, score: 1 }, { min: 0, score: 0.5 }] };
    expect(numberScore(c, 50)).toBe(1);
    expect(numberScore(c, 49.9999999999)).toBe(0.5);
  });
});

/** Number criteria of every kind: linear (higher or lower is better, whole or fractional span) and banded. */
const NUMBER_KINDS = [
  { min: 0, max: 100 },
  { min: 0, max: 100, direction: "lower" as const },
  { min: 10, max: 40 },
  { min: 0.5, max: 99.5 },
  { range: [0, 100] as [number, number], bands: [{ min: 85, score: 1 }, { min: 70, score: 0.75 }, { min: 30, score: 0.3 }, { min: 0, score: 0 }] },
];

describe("the whole-number path of exactScores", () => {
  it("gives the same fractions as the criterion-by-criterion sum, on any answers and weights, and so does exactIndexOf (property)", async () => {
    const { exactIndexOf, exactScoresSummed } = await import("../../src/core/exact-scores.js");
    // Whole and fractional weights; levels, yes/no, N/A, unanswered and (every third criterion) numbers.
    const weight = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0.1, 0.5, 1.5, 2.25));
    const dimension = fc.array(weight, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(dimension, fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0.5, 1.25))), { minLength: 1, maxLength: 4 }), fc.infiniteStream(fc.nat()), (maxLevel, dims, seeds) => {
        const criteria = dims.flatMap(([weights], di) => weights.map((w, ci) => ({ id: `d${di}.c${ci}`, title: "c", weight: w, ...(ci % 3 === 2 ? { type: "number" as const, ...NUMBER_KINDS[(di + ci) % NUMBER_KINDS.length] } : { levels: Object.fromEntries(Array.from({ length: maxLevel + 1 }, (_, i) => [i, `l${i}`])) }) })));
        const r = normaliseRubric(
          RubricFileSchema.parse({
            id: "whole",
            version: "1.0.0",
            languages: ["en"],
            title: "Whole",
            scale: Array.from({ length: maxLevel + 1 }, (_, value) => ({ value, label: String(value) })),
            dimensions: dims.map(([weights, w], di) => ({ id: `d${di}`, kind: "pillar", title: "D", weight: w, criteria: criteria.filter((c) => c.id.startsWith(`d${di}.`)) })),
          }),
        );
        const it = seeds[Symbol.iterator]();
        const map = new Map<string, Answer>();
        for (const c of criteria) {
          const n = it.next().value as number;
          const kinds = "type" in c ? [{ kind: "number", value: (n % 125) - 5 + (n % 7 === 0 ? 0.5 : 0) }, { kind: "na", reason: "n/a" }, { kind: "unanswered" }] : [{ kind: "level", level: n % (maxLevel + 1) }, { kind: "boolean", value: n % 2 === 0 }, { kind: "na", reason: "n/a" }, { kind: "unanswered" }];
          map.set(c.id, { answer: kinds[n % kinds.length] as Answer["answer"], evidence: [] });
        }
        const fast = exactScores(r, map);
        const summed = exactScoresSummed(r, map);
        expect(fast.index === null ? null : Q.key(fast.index)).toBe(summed.index === null ? null : Q.key(summed.index));
        const index = exactIndexOf(r, map);
        expect(index === null ? null : Q.key(index), "exactIndexOf").toBe(summed.index === null ? null : Q.key(summed.index));
        for (const [id, s] of summed.dimensions) expect(fast.dimensions.get(id) === null ? null : Q.key(fast.dimensions.get(id)!), id).toBe(s === null ? null : Q.key(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe("exactIndexOf on whole numbers", () => {
  it("gives the index of the criterion-by-criterion sum when every answer is a level, yes/no, N/A or none and every weight whole (property)", async () => {
    const { exactIndexOf, exactScoresSummed } = await import("../../src/core/exact-scores.js");
    // Large weights and levels too: (the schema allows up to 10⁶) the common denominator can pass 2⁵³, and then the BigInt sum decides.
    const weight = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 1_000_000 }));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 1000 })), fc.array(fc.tuple(fc.array(weight, { minLength: 1, maxLength: 6 }), weight), { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), (maxLevel, dims, seeds) => {
        const criteria = dims.flatMap(([weights], di) => weights.map((w, ci) => ({ id: `d${di}.c${ci}`, title: "c", weight: w, ...(ci % 2 === 1 ? { type: "boolean" as const } : {}) })));
        const r = normaliseRubric(
          RubricFileSchema.parse({
            id: "whole-index",
            version: "1.0.0",
            languages: ["en"],
            title: "Whole index",
            scale: [0, maxLevel].map((value) => ({ value, label: String(value) })),
            dimensions: dims.map(([, w], di) => ({ id: `d${di}`, kind: "pillar", title: "D", weight: w, criteria: criteria.filter((c) => c.id.startsWith(`d${di}.`)) })),
          }),
        );
        const it = seeds[Symbol.iterator]();
        const map = new Map<string, Answer>();
        for (const c of criteria) {
          const n = it.next().value as number;
          const kinds = "type" in c ? [{ kind: "boolean", value: n % 2 === 0 }, { kind: "na", reason: "n/a" }, { kind: "unanswered" }] : [{ kind: "level", level: n % 3 === 0 ? 0 : maxLevel }, { kind: "na", reason: "n/a" }, { kind: "unanswered" }];
          map.set(c.id, { answer: kinds[n % kinds.length] as Answer["answer"], evidence: [] });
        }
        const index = exactIndexOf(r, map);
        const summed = exactScoresSummed(r, map).index;
        expect(index === null ? null : Q.key(index)).toBe(summed === null ? null : Q.key(summed));
      }),
      { numRuns: 500 },
    );
  });
});
