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
