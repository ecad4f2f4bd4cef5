import type { Comparison } from "../../core/compare.js";
import { criterionTitle, dimensionTitle, sharedCount } from "./common.js";
import { answerJson, textOf, type RenderContext } from "../../render/context.js";

/** Version of the compare JSON contract; bumped on any incompatible change. */
export const COMPARE_SCHEMA_VERSION = 1;

/** The comparison as versioned JSON for machines: full double precision, ids plus titles in the report's language. */
export function compareToJson(cmp: Comparison, ctx: RenderContext) {
  const lang = ctx.lang;
  const rubric = cmp.rubric;
  const text = (x: Parameters<typeof textOf>[1]) => textOf(rubric, x, lang);
  const klass = (k: Comparison["classification"]["before"]) => (k === null ? null : { id: k.id, label: text(k.label) });
  const stageTitle = (id: string | null) => (id === null ? null : dimensionTitle(cmp, id, lang));
  const change = (x: Comparison["improved"][number]) => ({
    criterion: x.id,
    dimension: x.dimension,
    title: criterionTitle(cmp, x.id, lang),
    before: answerJson(x.before),
    after: answerJson(x.after),
    scoreBefore: x.scoreBefore,
    scoreAfter: x.scoreAfter,
    delta: x.delta,
  });
  const evidence = (e: Comparison["evidence"]["added"][number]) => ({ criterion: e.criterion, ...e.evidence, ageDays: e.ageDays });
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: "comparison",
    tool: { name: "egov-maturity", version: ctx.toolVersion },
    language: lang,
    agency: { id: cmp.agency.id, name: cmp.agency.name === undefined ? null : text(cmp.agency.name), groups: cmp.agency.groups },
    rubric: { id: rubric.id, version: rubric.version, title: text(rubric.title) },
    basis: cmp.basis,
    sharedCriteria: sharedCount(cmp),
    newCriteria: cmp.newCriteria,
    droppedCriteria: cmp.droppedCriteria,
    assessments: cmp.snapshots.map((s) => ({
      date: s.date,
      file: s.file ?? null,
      rubric: s.rubric,
      index: s.report.index,
      fullIndex: s.fullIndex,
      classification: klass(s.report.classification),
      stage: s.report.stage.current,
      stageTitle: stageTitle(s.report.stage.current),
    })),
    index: cmp.index,
    classification: { before: klass(cmp.classification.before), after: klass(cmp.classification.after) },
    stage: {
      before: cmp.stage.before,
      beforeTitle: stageTitle(cmp.stage.before),
      after: cmp.stage.after,
      afterTitle: stageTitle(cmp.stage.after),
      direction: cmp.stage.direction,
      cleared: cmp.stage.cleared,
      newlyBlocking: cmp.stage.newlyBlocking,
    },
    dimensions: cmp.dimensions.map((d) => ({ id: d.id, kind: d.kind, title: text(d.title), before: d.before, after: d.after, delta: d.delta, series: d.series })),
    improved: cmp.improved.map(change),
    regressed: cmp.regressed.map(change),
    evidence: {
      staleAfterDays: cmp.evidence.staleAfterDays,
      added: cmp.evidence.added.map(evidence),
      removed: cmp.evidence.removed.map(evidence),
      stale: cmp.evidence.stale.map(evidence),
    },
    roadmap: cmp.roadmap.map((r, i) => ({
      step: i + 1,
      criterion: r.step.criterion,
      dimension: r.step.dimension,
      title: criterionTitle(cmp, r.step.criterion, lang),
      stage: r.step.stage,
      from: answerJson(r.step.from),
      to: answerJson(r.step.to),
      scoreFrom: r.step.scoreFrom,
      scoreTo: r.step.scoreTo,
      now: r.now === null ? null : answerJson(r.now),
      scoreNow: r.scoreNow,
      status: r.status,
    })),
  };
}

/** `compare --format json`. */
export function renderCompareJson(cmp: Comparison, ctx: RenderContext): string {
  return `${JSON.stringify(compareToJson(cmp, ctx), null, 2)}\n`;
}
