import type { Rubric } from "../core/rubric.js";
import type { LocalisedText } from "../core/text.js";
import { formatScore, terminalLine, textOf } from "../render/context.js";
import { plural, t, type MessageKey, type PluralBase } from "../i18n/index.js";
import type { AssessmentDraft } from "./draft.js";
import type { PromptPort } from "./port.js";

/** Everything the question flow works with. */
export interface Session {
  port: PromptPort;
  draft: AssessmentDraft;
  rubric: Rubric;
  /** Language of the questions, descriptors and prompts. */
  lang: string;
  /** Today's date (YYYY-MM-DD): the default date of new evidence. Passed in, never read from the clock here. */
  today: string;
  /** The clock (milliseconds), for time spent and the estimate of time left; passed in, so tests fix it. */
  now: () => number;
  /** When this sitting started (by `now`), the seconds spent in earlier sittings, and the answers there were then. */
  timing: { started: number; before: number; answeredAtStart: number };
  /** Offer the executive summary at the end (when assessments carry one). */
  askSummary?: boolean;
}

/** A rubric text in the session's language, on one line, safe for a terminal. */
export function textIn(session: Pick<Session, "rubric" | "lang">, text: LocalisedText | undefined): string {
  return terminalLine(textOf(session.rubric, text, session.lang));
}

/** The tool's own words in the session's language. */
export function say(session: Pick<Session, "lang">, key: MessageKey, slots: Record<string, string | number> = {}): string {
  return t(session.lang, key, slots);
}

/** A message with a count in the session's language, in the count's plural category. */
export function sayCount(session: Pick<Session, "lang">, base: PluralBase, n: number, slots: Record<string, string | number> = {}): string {
  return plural(session.lang, base, n, slots);
}

/** A score as the rubric displays it. */
export function scoreText(session: Pick<Session, "rubric">, score: number | null | undefined): string {
  return formatScore(score, session.rubric.display);
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export { asciiDigits } from "./keys.js";
