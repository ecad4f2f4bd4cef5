import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, AnswerValue, Assessment } from "../../src/core/assessment.js";
import type { Criterion, Dimension, Rubric } from "../../src/core/rubric.js";
import { score, type Report } from "../../src/core/score.js";
import { rubricOf } from "../helpers.js";

const rubrics = [rubricOf("egov-maturity"), rubricOf("test/fixtures/mini/rubric.yaml")];

/** A random answer for a criterion: any legal value, N/A, or unanswered. */
function answerArb(c: Criterion, rubric: Rubric, allowNa = true): fc.Arbitrary<AnswerValue> {
  const value: fc.Arbitrary<AnswerValue> =
    c.type === "level"
      ? fc.constantFrom(...rubric.scale.map((s) => s.value)).map((level) => ({ kind: "level" as const, level }))
      : c.type === "boolean"
        ? fc.boolean().map((v) => ({ kind: "boolean" as const, value: v }))
        : fc.double({ min: -50, max: 150, noNaN: true }).map((v) => ({ kind: "number" as const, value: v }));
  const options: fc.Arbitrary<AnswerValue>[] = [value, value, value, fc.constant({ kind: "unanswered" as const })];
  if (allowNa) options.push(fc.constant({ kind: "na" as const, reason: "n/a" }));
  return fc.oneof(...options);
}

function assessmentArb(rubric: Rubric): fc.Arbitrary<Assessment> {
  const ids = [...rubric.criteria.keys()];
  return fc.tuple(...ids.map((id) => answerArb(rubric.criteria.get(id)!, rubric))).map((values) => {
    const answers = new Map<string, Answer>();
    values.forEach((answer, i) => answers.set(ids[i]!, { answer, evidence: [] }));
    return { agency: { id: "x", groups: {} }, targets: {}, answers };
  });
}

function withRubric(rubric: Rubric, dimensions: Dimension[]): Rubric {
  const criteria = new Map<string, Criterion>();
  for (const d of dimensions) for (const c of d.criteria) criteria.set(c.id, c);
  return { ...rubric, dimensions, criteria };
}

function stageRank(rubric: Rubric, report: Report): number {
  const stages = rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
  return report.stage.current === null ? -1 : stages.indexOf(report.stage.current);
}

function sameScores(a: Report, b: Report): void {
  const close = (x: number | null, y: number | null) => (x === null || y === null ? expect(x).toBe(y) : expect(Math.abs(x - y)).toBeLessThan(1e-12));
  close(a.index, b.index);
  for (const d of a.dimensions) close(d.score, b.dimensions.find((e) => e.id === d.id)!.score);
  expect(a.stage.current).toBe(b.stage.current);
  expect(a.classification?.id).toBe(b.classification?.id);
}

const RUNS = { numRuns: 200 };

describe.each(rubrics.map((r) => [r.id, r] as const))("scoring invariants on %s", (_id, rubric) => {
  it("keeps every score in [0, 1]", () => {
    fc.assert(
      fc.property(assessmentArb(rubric), (assessment) => {
        const report = score(rubric, assessment);
        const inUnit = (x: number | null) => x === null || (x >= 0 && x <= 1);
        expect(inUnit(report.index)).toBe(true);
        for (const d of report.dimensions) {
          expect(inUnit(d.score) && inUnit(d.gap)).toBe(true);
          for (const c of d.criteria) expect(inUnit(c.score) && inUnit(c.impact)).toBe(true);
        }
        for (const s of report.roadmap) expect(inUnit(s.index) && inUnit(s.scoreTo)).toBe(true);
      }),
      RUNS,
    );
  });

  it("never lowers any score or the stage when an answer is raised", () => {
    const ids = [...rubric.criteria.keys()];
    fc.assert(
      fc.property(assessmentArb(rubric), fc.nat(ids.length - 1), fc.double({ min: 0, max: 200, noNaN: true }), (assessment, k, bump) => {
        const id = ids[k]!;
        const c = rubric.criteria.get(id)!;
        const current = assessment.answers.get(id)!.answer;
        if (current.kind === "na") return;
        let raised: AnswerValue;
        if (c.type === "level") raised = { kind: "level", level: rubric.maxLevel };
        else if (c.type === "boolean") raised = { kind: "boolean", value: true };
        else {
          const v = current.kind === "number" ? current.value : 0;
          raised = { kind: "number", value: c.direction === "lower" && c.bands === undefined ? v - bump : v + bump };
        }
        const before = score(rubric, assessment);
        const answers = new Map(assessment.answers);
        answers.set(id, { answer: raised, evidence: [] });
        const after = score(rubric, { ...assessment, answers });
        expect(after.index! + 1e-12).toBeGreaterThanOrEqual(before.index!);
        for (const d of before.dimensions) {
          const a = after.dimensions.find((x) => x.id === d.id)!;
          if (d.score !== null) expect(a.score! + 1e-12).toBeGreaterThanOrEqual(d.score);
        }
        expect(stageRank(rubric, after)).toBeGreaterThanOrEqual(stageRank(rubric, before));
      }),
      RUNS,
    );
  });

  it("is unchanged by reordering criteria, and dimensions (stages keep their order)", () => {
    fc.assert(
      fc.property(assessmentArb(rubric), fc.integer(), (assessment, seed) => {
        const rng = fc.sample(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }), { seed, numRuns: 1 })[0]!;
        let i = 0;
        const shuffle = <T,>(xs: readonly T[]) => [...xs].map((x) => [rng[i++ % rng.length]!, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const stages = rubric.dimensions.filter((d) => d.kind === "stage");
        const others = shuffle(rubric.dimensions.filter((d) => d.kind !== "stage"));
        // interleave the others at shuffled places while the stages keep their relative order
        const order = shuffle([...stages.map(() => "s"), ...others.map(() => "o")]);
        let s = 0;
        let o = 0;
        const dims = order.map((kind) => (kind === "s" ? stages[s++]! : others[o++]!)).map((d) => ({ ...d, criteria: shuffle(d.criteria) }));
        sameScores(score(rubric, assessment), score(withRubric(rubric, dims), assessment));
      }),
      RUNS,
    );
  });

  it("is unchanged by multiplying all weights of a dimension by a constant", () => {
    fc.assert(
      fc.property(assessmentArb(rubric), fc.nat(rubric.dimensions.length - 1), fc.double({ min: 0.01, max: 1000, noNaN: true }), (assessment, k, factor) => {
        const dims = rubric.dimensions.map((d, j) => (j === k ? { ...d, criteria: d.criteria.map((c) => ({ ...c, weight: c.weight * factor })) } : d));
        sameScores(score(rubric, assessment), score(withRubric(rubric, dims), assessment));
      }),
      RUNS,
    );
  });

  it("treats a criterion marked N/A as if it were deleted from the rubric", () => {
    const ids = [...rubric.criteria.keys()];
    fc.assert(
      fc.property(assessmentArb(rubric), fc.nat(ids.length - 1), (assessment, k) => {
        const id = ids[k]!;
        const answers = new Map(assessment.answers);
        answers.set(id, { answer: { kind: "na", reason: "r" }, evidence: [] });
        const na = score(rubric, { ...assessment, answers });
        const dims = rubric.dimensions.map((d) => ({ ...d, criteria: d.criteria.filter((c) => c.id !== id) }));
        const removedAnswers = new Map(assessment.answers);
        removedAnswers.delete(id);
        sameScores(na, score(withRubric(rubric, dims), { ...assessment, answers: removedAnswers }));
      }),
      RUNS,
    );
  });

  it("reaches, by following the roadmap, the stage it promises", () => {
    fc.assert(
      fc.property(assessmentArb(rubric), (assessment) => {
        const report = score(rubric, assessment);
        const answers = new Map(assessment.answers);
        for (const step of report.roadmap) answers.set(step.criterion, { answer: step.to, evidence: [] });
        const after = score(rubric, { ...assessment, answers });
        const last = report.roadmap[report.roadmap.length - 1];
        if (last) {
          expect(after.stage.current).toBe(last.stageAfter);
          expect(Math.abs(after.index! - last.index!)).toBeLessThan(1e-12);
        }
        // every stage with a score is attained at the end of the roadmap
        expect(after.stages.every((s) => s.status === "attained" || s.status === "no-score")).toBe(true);
      }),
      RUNS,
    );
  });
});
