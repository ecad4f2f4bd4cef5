import type { Report } from "../../core/score.js";
import { answerJson, textOf, type RenderContext } from "../../render/context.js";
import { gateRef, phraseText } from "../../render/gates.js";
import { gateRequirementPhrase, gateStatePhrase, isComplete, narrativeOf, requirementText } from "../summary.js";

/** Version of the JSON contract; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

/** The report as the versioned JSON contract for machines (schemas/report.schema.json). Full double precision. */
export function reportToJson(report: Report, ctx: RenderContext): Record<string, unknown> {
  const rubric = report.rubricDef;
  const lang = ctx.lang;
  const text = (x: Parameters<typeof textOf>[1]) => textOf(rubric, x, lang);
  const titleOf = (id: string | null) => (id === null ? null : text(rubric.dimensions.find((d) => d.id === id)?.title));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "egov-maturity", version: ctx.toolVersion },
    language: lang,
    rubric: { id: report.rubric.id, version: report.rubric.version, digest: rubric.digest ?? null, title: text(report.rubric.title) },
    agency: { id: report.agency.id, name: report.agency.name === undefined ? null : text(report.agency.name), groups: report.agency.groups },
    date: report.date ?? null,
    assessor: report.assessor ?? null,
    complete: isComplete(report),
    narrative: narrativeJson(report, lang),
    index: report.index,
    classification: report.classification ? { id: report.classification.id, label: text(report.classification.label) } : null,
    stage: {
      current: report.stage.current,
      currentTitle: titleOf(report.stage.current),
      next: report.stage.next,
      nextTitle: titleOf(report.stage.next),
      blockedBy: report.stage.blockedBy.map((g) => ({ ...gateRef(g), min: g.min, score: g.score, text: phraseText(gateStatePhrase(report, g, lang)) })),
      pendingGates: report.stage.pendingGates.map((g) => ({ ...gateRef(g), min: g.min, score: g.score, text: requirementText(gateRequirementPhrase(report, g, lang), lang) })),
      shortfall: report.stage.shortfall,
    },
    stages: report.stages.map((s) => {
      const d = report.dimensions.find((x) => x.id === s.id);
      return { id: s.id, title: titleOf(s.id), status: s.status, score: d?.score ?? null, threshold: d?.threshold ?? null, gates: s.gates };
    }),
    dimensions: report.dimensions.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: text(d.title),
      weight: d.weight,
      score: d.score,
      target: d.target,
      gap: d.gap,
      threshold: d.threshold ?? null,
      status: d.status ?? null,
      answered: d.counts.answered,
      na: d.counts.na,
      unanswered: d.counts.unanswered,
    })),
    criteria: report.dimensions.flatMap((d) =>
      d.criteria.map((c) => ({
        id: c.id,
        dimension: c.dimension,
        title: text(c.title),
        type: c.type,
        weight: c.weight,
        status: c.status,
        answer: answerJson(c.answer),
        score: c.score,
        impact: c.impact,
        evidence: c.evidence,
        notes: c.notes ?? null,
      })),
    ),
    gaps: report.gaps.map((g, i) => ({
      rank: i + 1,
      criterion: g.criterion,
      dimension: g.dimension,
      title: text(rubric.criteria.get(g.criterion)?.title),
      score: g.score,
      impact: g.impact,
      recommendation: text(rubric.criteria.get(g.criterion)?.recommendation),
    })),
    roadmap: report.roadmap.map((s, i) => ({
      step: i + 1,
      criterion: s.criterion,
      dimension: s.dimension,
      title: text(rubric.criteria.get(s.criterion)?.title),
      reason: s.reason,
      stage: s.stage,
      from: answerJson(s.from),
      to: answerJson(s.to),
      scoreFrom: s.scoreFrom,
      scoreTo: s.scoreTo,
      index: s.index,
      stageAfter: s.stageAfter,
      recommendation: text(rubric.criteria.get(s.criterion)?.recommendation),
    })),
    unanswered: report.unanswered,
  };
}

/** The consultant's words in the report's language; null when the assessment has none. */
function narrativeJson(report: Report, lang: string): Record<string, unknown> | null {
  if (report.narrative === undefined) return null;
  const n = narrativeOf(report, lang);
  return { summary: n.summary || null, context: n.context || null, findings: Object.fromEntries(n.findings) };
}

/** `--format json` of `report`. */
export function renderReportJson(report: Report, ctx: RenderContext): string {
  return `${JSON.stringify(reportToJson(report, ctx), null, 2)}\n`;
}
