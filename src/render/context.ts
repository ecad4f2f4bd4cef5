import type { AnswerValue } from "../core/assessment.js";
import type { Rubric } from "../core/rubric.js";
import { localise, type LocalisedText } from "../core/text.js";
import { t } from "../i18n/index.js";

/** Everything a renderer may depend on besides its data: passed in, so every output is byte-stable. */
export interface RenderContext {
  /** Language of the report's texts. */
  lang: string;
  /** Colour (ANSI) on or off; only the terminal format uses it. */
  color: boolean;
  /** The tool's version, for formats that name their producer. */
  toolVersion: string;
  /** The current time, for formats that stamp it (never read from the clock inside a renderer). */
  now: Date;
  /** Terminal width for the table format. */
  width: number;
  /** Long lists (the report's gap list): at most this many items (`--top N`). */
  top?: number;
  /** The report's gap list: every criterion below its full score, not only those below their dimension's target (`--all-criteria`). */
  allCriteria?: boolean;
}

/** A localised rubric text in the report's language, falling back to the rubric's default. */
export function textOf(rubric: Pick<Rubric, "languages">, text: LocalisedText | undefined, lang: string): string {
  return localise(text, lang, rubric.languages[0] ?? "en");
}

/** A score for people: "62.5%" (percent) or "0.6250" (fraction); "—" for no score. */
export function formatScore(score: number | null | undefined, display: Rubric["display"]): string {
  if (score === null || score === undefined) return "—";
  if (display === "fraction") return score.toFixed(4);
  return `${(score * 100).toFixed(1)}%`;
}

/** A signed index change: "+3.1 pts" for percent, "+0.0312" for fraction. */
export function formatImpact(delta: number, display: Rubric["display"]): string {
  if (display === "fraction") return `+${delta.toFixed(4)}`;
  return `+${(delta * 100).toFixed(1)}`;
}

/** An answer for people: the level with its label, yes/no, the number with its unit, N/A, or "—". */
export function formatAnswer(rubric: Rubric, criterionId: string, answer: AnswerValue, lang: string): string {
  switch (answer.kind) {
    case "level": {
      const step = rubric.scale.find((s) => s.value === answer.level);
      return step ? `${answer.level} ${textOf(rubric, step.label, lang)}` : String(answer.level);
    }
    case "boolean":
      return answer.value ? t(lang, "yes") : t(lang, "no");
    case "number": {
      const unit = rubric.criteria.get(criterionId)?.unit;
      const value = Number.isInteger(answer.value) ? String(answer.value) : String(Number(answer.value.toFixed(4)));
      return unit ? `${value}${unit === "%" ? "%" : ` ${unit}`}` : value;
    }
    case "na":
      return t(lang, "notApplicable");
    case "unanswered":
      return "—";
  }
}

/** The answer in the JSON contract's shape: {level}, {value}, {na}, or null when unanswered. */
export function answerJson(answer: AnswerValue): { level: number } | { value: number | boolean } | { na: string } | null {
  switch (answer.kind) {
    case "level":
      return { level: answer.level };
    case "boolean":
    case "number":
      return { value: answer.value };
    case "na":
      return { na: answer.reason };
    case "unanswered":
      return null;
  }
}

// C0 and C1 controls (except tab and newline), DEL, and the bidi overrides/isolates that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;

/** A file's text made safe for a terminal: escape sequences and control characters removed. */
export function terminalSafe(text: string): string {
  return text.replace(ANSI, "").replace(CONTROL, "");
}

/** A file's text on one line for a terminal: newlines and tabs folded into spaces. */
export function terminalLine(text: string): string {
  return terminalSafe(text).replace(/[\t\r\n]+/g, " ");
}
