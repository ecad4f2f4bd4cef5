// Batch roll-ups (score/rollup.ts), in-process: counts, statistics and common gaps by hand.
import { describe, expect, it } from "vitest";
import { RollupAccumulator } from "../../src/score/rollup.js";
import type { AgencyResult } from "../../src/score/types.js";
import { rubricOf } from "../helpers.js";

const rubric = rubricOf("test/fixtures/mini/rubric.yaml");
const agency = (index: number | null, stage: string | null, classification: string | null, dimensions: (number | null)[]) => ({ index, stage, classification, dimensions }) as unknown as AgencyResult;

describe("RollupAccumulator", () => {
  it("counts stages (with none) and classes, and computes mean, sd, min and max", () => {
    const acc = new RollupAccumulator(rubric);
    acc.add(agency(0.8, "execution", "high", [1, 0.6, 1]), []);
    acc.add(agency(0.4, "publication", "low", [0.6, 0.2, null]), [2, 3]);
    acc.add(agency(0.3, null, "low", [0.2, 0, 0]), [0, 2]);
    const r = acc.result();
    expect(r.agencies).toBe(3);
    expect(r.stages).toEqual([{ id: "publication", count: 1 }, { id: "execution", count: 1 }, { id: null, count: 1 }]);
    expect(r.classes).toEqual([{ id: "high", count: 1 }, { id: "low", count: 2 }]);
    expect(r.index.count).toBe(3);
    expect(r.index.mean).toBeCloseTo(0.5, 12);
    expect(r.index.sd).toBeCloseTo(Math.sqrt(((0.3) ** 2 + 0.1 ** 2 + 0.2 ** 2) / 3), 12);
    expect([r.index.min, r.index.max]).toEqual([0.3, 0.8]);
    // A dimension with no score (all N/A) is left out of its statistics.
    expect(r.dimensions[2]).toMatchObject({ id: "security", count: 2, mean: 0.5, min: 0, max: 1 });
  });

  it("lists common gaps most agencies first, rubric order on a tie, with their share", () => {
    const acc = new RollupAccumulator(rubric);
    acc.add(agency(0.5, null, null, [0, 0, 0]), [3, 0]);
    acc.add(agency(0.5, null, null, [0, 0, 0]), [3, 1]);
    const r = acc.result();
    const ids = [...rubric.criteria.keys()];
    expect(r.commonGaps.map((g) => [g.criterion, g.agencies, g.share])).toEqual([[ids[3], 2, 1], [ids[0], 1, 0.5], [ids[1], 1, 0.5]]);
    expect(r.classes).toEqual([{ id: "high", count: 0 }, { id: "low", count: 0 }, { id: null, count: 2 }]);
    expect(acc.result(1).commonGaps).toHaveLength(1);
  });
});
