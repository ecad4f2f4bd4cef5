import type { Report } from "../core/score.js";
import type { LocalisedText } from "../core/text.js";
import { formatScore, textOf } from "../render/context.js";
import { t } from "../i18n/index.js";

/** The plain-text pieces of a report's headline, in the report's language (not yet escaped for any format). */
export interface ReportSummary {
  /** Agency name in the report's language, or its id when it has none. */
  agency: string;
  rubric: string;
  index: string;
  classification: string | null;
  /** The attained stage's title, or "none". */
  stage: string;
  /** The next stage's title; null when every stage is attained or the rubric has no stages. */
  next: string | null;
  /** What blocks the next stage: its failing gates, the prerequisite's title, score and minimum formatted. */
  blockedBy: { title: string; score: string; min: string }[];
  /** The next stage's own shortfall: its threshold and score formatted, or null when it meets its threshold. */
  needs: { threshold: string; score: string } | null;
}

/** A text of the report's rubric in `lang`. */
export function rubricText(report: Report, text: LocalisedText | undefined, lang: string): string {
  return textOf(report.rubricDef, text, lang);
}

/** The title of a dimension by id ("none" for null). */
export function dimensionTitle(report: Report, id: string | null, lang: string): string {
  if (id === null) return t(lang, "none");
  return rubricText(report, report.rubricDef.dimensions.find((d) => d.id === id)?.title, lang) || id;
}

/** The headline of a report as plain texts, shared by the markdown and HTML formats. */
export function summarise(report: Report, lang: string): ReportSummary {
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const nextDim = report.dimensions.find((d) => d.id === report.stage.next);
  return {
    agency: report.agency.name === undefined ? report.agency.id : rubricText(report, report.agency.name, lang) || report.agency.id,
    rubric: `${rubricText(report, report.rubric.title, lang)} ${report.rubric.version}`,
    index: fmt(report.index),
    classification: report.classification ? rubricText(report, report.classification.label, lang) : null,
    stage: dimensionTitle(report, report.stage.current, lang),
    next: report.stage.next === null ? null : dimensionTitle(report, report.stage.next, lang),
    blockedBy: report.stage.blockedBy.map((g) => ({ title: dimensionTitle(report, g.dimension, lang), score: fmt(g.score), min: fmt(g.min) })),
    needs: report.stage.shortfall > 0 && nextDim ? { threshold: fmt(nextDim.threshold), score: fmt(nextDim.score) } : null,
  };
}

/** Punctuation of a list and of clauses in `lang` (Arabic has its own comma and semicolon). */
export function punctuation(lang: string): { comma: string; semicolon: string } {
  return lang.split("-")[0] === "ar" ? { comma: "، ", semicolon: "؛ " } : { comma: ", ", semicolon: "; " };
}

/**
 * "Execution — blocked by Security: 30.0% < 50.0%; needs 60.0% (now 33.3%)", or "every stage attained".
 * `text` escapes a text for the target format, `number` wraps a formatted number or comparison (e.g.
 * to isolate it left to right in HTML); both default to the identity (plain text).
 */
export function nextStageSentence(summary: ReportSummary, lang: string, text: (s: string) => string = (s) => s, number: (s: string) => string = text): string {
  if (summary.next === null) return text(t(lang, "allStagesAttained"));
  const p = punctuation(lang);
  const gates = summary.blockedBy.map((g) => `${text(`${g.title}: `)}${number(`${g.score} < ${g.min}`)}`);
  const blocked = gates.length > 0 ? `${text(`${t(lang, "blockedBy")} `)}${gates.join(text(p.comma))}` : "";
  const needs = summary.needs ? `${text(`${t(lang, "belowThreshold")} `)}${number(summary.needs.threshold)}${text(` (${t(lang, "now")} `)}${number(summary.needs.score)}${text(")")}` : "";
  const why = [blocked, needs].filter(Boolean).join(text(p.semicolon));
  return why ? `${text(summary.next)} — ${why}` : text(summary.next);
}
