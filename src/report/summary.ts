import type { GapItem, Report } from "../core/score.js";
import { EPSILON } from "../core/formulas.js";
import type { GateResult } from "../core/stages.js";
import { localise, type LocalisedText } from "../core/text.js";
import { formatScore, textOf } from "../render/context.js";
import { gateNow, gateRequirement, gateState, phraseText, type GatePhrase } from "../render/gates.js";
import { plural, t } from "../i18n/index.js";

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

// ---- issue 17: the report's outline, shared by every human format (html, markdown, table, docx) ----

/** How many gaps page 1 shows, and how many roadmap steps. */
export const PAGE_ONE_GAPS = 5;
export const PAGE_ONE_STEPS = 3;

/** True when every criterion is answered (or N/A): the report is final, not a draft. */
export function isComplete(report: Report): boolean {
  return report.unanswered.length === 0;
}

/** "Draft — 19 of 58 criteria unanswered", or null when the assessment is complete. */
export function draftBanner(report: Report, lang: string): string | null {
  if (isComplete(report)) return null;
  const total = report.dimensions.reduce((n, d) => n + d.criteria.length, 0);
  return plural(lang, "report.draft", total, { n: report.unanswered.length, total });
}

/** A dimension of which no criterion is answered yet (some unanswered): "not assessed", never "0 %". */
export function notAssessed(d: Report["dimensions"][number]): boolean {
  return d.counts.answered === 0 && d.counts.unanswered > 0;
}

/** A dimension's score for people: "not assessed" when nothing in it is answered yet. */
export function dimensionScoreText(report: Report, d: Report["dimensions"][number], lang: string): string {
  return notAssessed(d) ? t(lang, "report.notAssessed") : formatScore(d.score, report.rubric.display);
}

/**
 * The gap list: by default the answered criteria below the target of a dimension that misses its
 * target, largest impact first; `allCriteria` every criterion below its full score (unanswered ones too); `top` at most N.
 */
export function gapList(report: Report, opts: { top?: number; allCriteria?: boolean } = {}): GapItem[] {
  const dims = new Map(report.dimensions.map((d) => [d.id, d]));
  const status = new Map(report.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c.status] as const)));
  const belowTarget = (g: GapItem) => {
    const d = dims.get(g.dimension);
    return d !== undefined && (d.gap ?? 0) > EPSILON && g.score < d.target - EPSILON;
  };
  const chosen = opts.allCriteria === true ? report.gaps : report.gaps.filter((g) => status.get(g.criterion) === "answered" && belowTarget(g));
  return opts.top === undefined ? chosen : chosen.slice(0, Math.max(0, opts.top));
}

/** The heading of the gap list for the options it was made with. */
export function gapListHeading(lang: string, opts: { top?: number; allCriteria?: boolean }): string {
  if (opts.top !== undefined) return t(lang, "report.gapsTop", { n: opts.top });
  return t(lang, opts.allCriteria === true ? "report.gapsAll" : "report.gapsBelowTarget");
}

/** The consultant's words in `lang`: summary, context and the finding of each dimension (empty texts left out). */
export function narrativeOf(report: Report, lang: string): { summary: string; context: string; findings: Map<string, string> } {
  const n = report.narrative;
  const text = (x: LocalisedText | undefined) => (x === undefined ? "" : localise(x, lang, report.language ?? report.rubric.languages[0] ?? "en").trim());
  const findings = new Map<string, string>();
  for (const d of report.dimensions) {
    const f = text(n?.findings[d.id]);
    if (f !== "") findings.set(d.id, f);
  }
  return { summary: text(n?.summary), context: text(n?.context), findings };
}

/** Titles of the unanswered criteria, grouped by dimension title, in rubric order. */
export function unansweredByDimension(report: Report, lang: string): { dimension: string; criteria: string[] }[] {
  return report.dimensions
    .map((d) => ({ dimension: rubricText(report, d.title, lang) || d.id, criteria: d.criteria.filter((c) => c.status === "unanswered").map((c) => rubricText(report, c.title, lang) || c.id) }))
    .filter((g) => g.criteria.length > 0);
}
