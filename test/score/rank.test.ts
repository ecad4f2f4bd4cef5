import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competitionRanks } from "../../src/score/rank.js";

describe("competitionRanks", () => {
  it("gives standard competition ranks: 1, 2, 2, 4", () => {
    expect(competitionRanks([0.9, 0.5, 0.5, 0.3])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([0.3, 0.5, 0.9, 0.5])).toEqual([4, 2, 1, 2]);
    expect(competitionRanks([0.7, 0.7, 0.7])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });

  it("treats float noise as a tie and ranks agencies without an index last, together", () => {
    expect(competitionRanks([0.1 + 0.2, 0.3, 0.2])).toEqual([1, 1, 3]);
    expect(competitionRanks([null, 0.4, null, 0.6])).toEqual([3, 2, 3, 1]);
  });

  it("ranks each score 1 + the number of scores strictly (beyond 1e-9) above it", () => {
    const score = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(score, { maxLength: 40 }), (scores) => {
        const ranks = competitionRanks(scores);
        scores.forEach((s, i) => expect(ranks[i]).toBe(1 + scores.filter((o) => o > s + 1e-9).length));
      }),
    );
  });
});

describe("competitionRanks on exact values", () => {
  it("ties equal exact values whatever their float noise, and never ties different ones", () => {
    // 0.30000000000000004 and 0.3 are both exactly 3/10; 0.3 + 1e-12 is not.
    expect(competitionRanks([0.1 + 0.2, 0.3, 0.3 + 1e-12], ["3/10", "3/10", "300000000001/1000000000000"])).toEqual([2, 2, 1]);
  });

  it("groups equal values transitively: a chain of near values within 1e-9 is not one tie", () => {
    const scores = [0.5, 0.5 + 6e-10, 0.5 + 1.2e-9];
    const exact = ["1/2", "5000000006/10000000000", "5000000012/10000000000"];
    expect(competitionRanks(scores, exact)).toEqual([3, 2, 1]);
  });

  it("ranks each score 1 + the number of exactly greater ones (property)", () => {
    const fraction = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })).filter(([n, d]) => n <= d);
    fc.assert(
      fc.property(fc.array(fraction, { maxLength: 30 }), (fractions) => {
        const scores = fractions.map(([n, d]) => n / d);
        const exact = fractions.map(([n, d]) => `${n}/${d}`);
        const ranks = competitionRanks(scores, exact);
        fractions.forEach(([n, d], i) => expect(ranks[i]).toBe(1 + fractions.filter(([m, e]) => m * d > n * e).length));
      }),
    );
  });
});
