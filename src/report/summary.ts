import type { Report } from "../core/score.js";
import type { GateResult } from "../core/formulas.js";
import type { LocalisedText } from "../core/text.js";
import { formatScore, textOf } from "../render/context.js";
import { gateNow, gateRequirement, gateState, phraseText, type GatePhrase } from "../render/gates.js";
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
  /** What blocks the next stage (it meets its threshold): its failing gates where they stand ("Approved security policy: no"). */
  blockedBy: ReportGatePhrase[];
  /** Gates that would still hold the next stage once it reaches its threshold, as requirements ("Approved security policy: yes"). */
  pendingGates: ReportGatePhrase[];
  /** The next stage's own shortfall: its threshold and score formatted, or null when it meets its threshold. */
  needs: { threshold: string; score: string } | null;
}

/** A gate phrase; `numeric` when its detail is numbers only (formats may isolate it left to right). */
export interface ReportGatePhrase extends GatePhrase {
  numeric: boolean;
  /** The gate's current value alone ("no", "22.5%"); shown after a requirement: "(now 22.5%)". */
  now: string;
}

/** Where a failing gate of the report stands, in its own terms, with the criterion's answer when it has one. */
export function gateStatePhrase(report: Report, gate: GateResult, lang: string): ReportGatePhrase {
  const answer = "criterion" in gate ? report.dimensions.flatMap((d) => d.criteria).find((c) => c.id === gate.criterion)?.answer : undefined;
  const phrase = gateState(report.rubricDef, gate, lang, answer);
  return { ...phrase, now: gateNow(report.rubricDef, gate, lang, answer).text, numeric: !("criterion" in gate) || report.rubricDef.criteria.get(gate.criterion)?.type === "number" };
}

/** A gate's current value alone ("no", "Developing (2)", "42.0%"), with the criterion's answer when it has one. */
export function gateNowText(report: Report, gate: GateResult, lang: string): string {
  const answer = "criterion" in gate ? report.dimensions.flatMap((d) => d.criteria).find((c) => c.id === gate.criterion)?.answer : undefined;
  return gateNow(report.rubricDef, gate, lang, answer).text;
}

/** What a gate requires, in its own terms. */
export function gateRequirementPhrase(report: Report, gate: GateResult, lang: string): ReportGatePhrase {
  const phrase = gateRequirement(report.rubricDef, gate, lang);
  return { ...phrase, now: gateNowText(report, gate, lang), numeric: !("criterion" in gate) || report.rubricDef.criteria.get(gate.criterion)?.type === "number" };
}

/** "blocked by A: no, B: 42.0% < 50.0%" / "and still requires A: yes" as plain text ("" when there is none). */
export function gateClauses(summary: Pick<ReportSummary, "blockedBy" | "pendingGates">, lang: string): { blocked: string; pending: string } {
  const p = punctuation(lang);
  return {
    blocked: summary.blockedBy.length > 0 ? `${t(lang, "blockedBy")} ${summary.blockedBy.map(phraseText).join(p.comma)}` : "",
    pending: summary.pendingGates.length > 0 ? `${t(lang, "stillRequires")} ${summary.pendingGates.map((g) => requirementText(g, lang)).join(p.comma)}` : "",
  };
}

/** "Strategy and plans ≥ 40.0% (now 22.5%)": a requirement with where it stands. */
export function requirementText(g: ReportGatePhrase, lang: string): string {
  return `${phraseText(g)} (${t(lang, "now")} ${g.now})`;
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
    blockedBy: report.stage.blockedBy.map((g) => gateStatePhrase(report, g, lang)),
    pendingGates: report.stage.pendingGates.map((g) => gateRequirementPhrase(report, g, lang)),
    needs: report.stage.shortfall > 0 && nextDim ? { threshold: fmt(nextDim.threshold), score: fmt(nextDim.score) } : null,
  };
}

/** Punctuation of a list and of clauses in `lang` (Arabic has its own comma and semicolon). */
export function punctuation(lang: string): { comma: string; semicolon: string } {
  return lang.split("-")[0] === "ar" ? { comma: "، ", semicolon: "؛ " } : { comma: ", ", semicolon: "; " };
}

/**
 * "Execution — blocked by Approved security policy: no", "Execution — needs 60.0% (now 33.3%); and still
 * requires Approved security policy: yes", or "every stage attained".
 * `text` escapes a text for the target format, `number` wraps a formatted number or comparison (e.g.
 * to isolate it left to right in HTML); both default to the identity (plain text).
 */
export function nextStageSentence(summary: ReportSummary, lang: string, text: (s: string) => string = (s) => s, number: (s: string) => string = text): string {
  if (summary.next === null) return text(t(lang, "allStagesAttained"));
  const p = punctuation(lang);
  const phrase = (g: ReportGatePhrase) => `${text(`${g.title}${g.joiner}`)}${g.numeric ? number(g.detail) : text(g.detail)}`;
  const gates = summary.blockedBy.map(phrase);
  const blocked = gates.length > 0 ? `${text(`${t(lang, "blockedBy")} `)}${gates.join(text(p.comma))}` : "";
  const needs = summary.needs ? `${text(`${t(lang, "belowThreshold")} `)}${number(summary.needs.threshold)}${text(` (${t(lang, "now")} `)}${number(summary.needs.score)}${text(")")}` : "";
  const required = (g: ReportGatePhrase) => `${phrase(g)}${text(` (${t(lang, "now")} `)}${g.numeric ? number(g.now) : text(g.now)}${text(")")}`;
  const pending = summary.pendingGates.length > 0 ? `${text(`${t(lang, "stillRequires")} `)}${summary.pendingGates.map(required).join(text(p.comma))}` : "";
  const why = [blocked, needs, pending].filter(Boolean).join(text(p.semicolon));
  return why ? `${text(summary.next)} — ${why}` : text(summary.next);
}
