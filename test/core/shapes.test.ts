/**
 * The scoring core makes objects of one shape (hidden class) whether its code runs interpreted or
 * optimised. A batch scores thousands of files: an object of another shape makes the optimised
 * scorer deoptimise, and V8 then compiles it again (scoreAgency was compiled 9 times in a batch of
 * 10,000 files, some 40 ms each, on the cores that score). `Array.prototype.map` optimised returns
 * an array of another shape than the built-in one, and one literal per branch gave outcomes of
 * several: the gates and outcomes are now built with one literal and a loop. Checked in a child
 * process with V8's own test functions on the built library (dist/).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const SCRIPT = `
const { evaluateGates, gateOutcome, stageAttainment } = await import(${JSON.stringify(`${ROOT}dist/core/stages.js`)});
const stage = { id: "s", kind: "stage", requires: [{ criterion: "c", min: 0.5 }, { dimension: "p", min: 0.5 }] };
const dims = new Map([["s", 0.8], ["p", 0.2]]);
const scores = new Map([["c", 0.7]]);
const rubric = { dimensions: [stage, { id: "p", kind: "prerequisite", requires: [] }, { ...stage, id: "t" }] };
const cases = {
  gates: () => evaluateGates(stage, dims, scores, new Set()),
  noGates: () => evaluateGates({ ...stage, requires: [] }, dims, scores, new Set()),
  blocked: () => gateOutcome({ id: "s", status: "blocked", gates: evaluateGates(stage, dims, scores, new Set()) }),
  below: () => gateOutcome({ id: "s", status: "below-threshold", gates: evaluateGates(stage, dims, scores, new Set()) }),
  none: () => gateOutcome(null),
  stage: () => stageAttainment(rubric, dims, scores).stages[0],
};
const out = {};
for (const [name, make] of Object.entries(cases)) {
  const before = make();
  for (const f of [evaluateGates, gateOutcome, stageAttainment]) %PrepareFunctionForOptimization(f);
  make(); make();
  for (const f of [evaluateGates, gateOutcome, stageAttainment]) %OptimizeFunctionOnNextCall(f);
  const after = make();
  out[name] = %HaveSameMap(before, after) && (!Array.isArray(before) || before.length === 0 || %HaveSameMap(before[0], after[0]));
}
const b = cases.blocked(), n = cases.none();
out.outcomes = %HaveSameMap(b, n) && %HaveSameMap(b, cases.below());
console.log(JSON.stringify(out));
`;

describe("the scoring core's objects keep one shape, interpreted or optimised", () => {
  it("gates, outcomes and stages: the same hidden class before and after V8 optimises the functions that make them", () => {
    const r = spawnSync(process.execPath, ["--allow-natives-syntax", "--input-type=module", "-e", SCRIPT], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ gates: true, noGates: true, blocked: true, below: true, none: true, stage: true, outcomes: true });
  });
});
