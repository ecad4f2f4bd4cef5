import type { AnswerValue } from "../core/assessment.js";
import type { Criterion, Rubric } from "../core/rubric.js";
import { t } from "../i18n/index.js";
import { ARABIC_NO, ARABIC_YES, arabicDigits, asciiDigits, commandOf, keyLabel, normaliseToken, type Command } from "./keys.js";

/**
 * What a consultant typed at a question, on one line:
 * `ANSWER [EVIDENCE] [; NOTE]` — e.g. `3 https://… ; note text` — or `a REASON [; NOTE]` for N/A,
 * or a command key alone. `e` after the answer opens the full evidence editor.
 */
export type Entry =
  | { kind: "answer"; value: AnswerValue; evidence?: string; note?: string; editor: boolean }
  | { kind: "na"; reason?: string; note?: string }
  | { kind: "command"; command: QuestionCommand }
  | { kind: "refused"; message: string };

/** The commands a question offers besides its answers. */
export const QUESTION_COMMANDS = ["na", "skip", "back", "jump", "review", "evidence", "help"] as const satisfies readonly Command[];
type QuestionCommand = Exclude<(typeof QUESTION_COMMANDS)[number], "na">;

/** The admissible values of a number criterion (DESIGN §2 `range`, optional): [min or null, max or null]. */
export function rangeOf(criterion: Criterion): readonly [number | null, number | null] | undefined {
  const range: unknown = (criterion as { range?: unknown }).range;
  if (!Array.isArray(range) || range.length !== 2) return undefined;
  const bound = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  return [bound(range[0]), bound(range[1])];
}

/** A typed number (Arabic-Indic digits and separator allowed; a trailing % for percentages), or undefined. */
export function parseNumber(text: string): number | undefined {
  const s = asciiDigits(text.trim()).replace(/%$/, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Splits what follows the answer into the evidence and the note: the note starts at the first `;`
 * (or Arabic `؛`) with a space before or after it, or at the start, so that a `;` inside a URL stays.
 */
export function splitRest(rest: string): { evidence?: string; note?: string } {
  const m = /(^|\s)[;؛]|[;؛](?=\s|$)/.exec(rest);
  const evidence = (m ? rest.slice(0, m.index) : rest).trim();
  const note = m ? rest.slice(m.index + m[0].length).trim() : "";
  return { ...(evidence !== "" ? { evidence } : {}), ...(note !== "" ? { note } : {}) };
}

/** The keys line of a refusal or a menu: `a s b j r e ?` (with the Arabic-layout letters in Arabic). */
export function keysText(lang: string, commands: readonly Command[]): string {
  return commands.map((c) => keyLabel(c, lang)).join(" ");
}

/**
 * The allowed values of a level question: every value as the refusal names them ("0, 1, 2, 3, 4";
 * Arabic adds "أو ٠–٤"), or `short` for the prompt ("0–4" when the scale is a run of integers).
 */
export function levelValues(rubric: Pick<Rubric, "scale">, lang: string, short = false): string {
  const values = rubric.scale.map((s) => s.value);
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const run = values.length > 2 && values.every((v, i) => v === first + i);
  const span = run ? `${first}–${last}` : values.join(lang === "ar" ? "، " : ", ");
  if (short) return span;
  const all = values.join(lang === "ar" ? "، " : ", ");
  return lang === "ar" ? `${all} (${t(lang, "assess.orDigits", { digits: run ? `${arabicDigits(String(first))}–${arabicDigits(String(last))}` : values.map((v) => arabicDigits(String(v))).join("، ") })})` : all;
}

function rangeText(range: readonly [number | null, number | null], lang: string): string {
  const [min, max] = range;
  if (min !== null && max !== null) return t(lang, "assess.rangeBetween", { min, max });
  if (min !== null) return t(lang, "assess.rangeAtLeast", { min });
  return t(lang, "assess.rangeAtMost", { max: max ?? "" });
}

function answerOf(token: string, criterion: Criterion, rubric: Rubric, lang: string): AnswerValue | { refused: string } {
  const keys = keysText(lang, QUESTION_COMMANDS);
  if (criterion.type === "level") {
    const s = asciiDigits(token);
    const step = /^[-+]?\d+$/.test(s) ? rubric.scale.find((x) => x.value === Number(s)) : undefined;
    if (step !== undefined) return { kind: "level", level: step.value };
    return { refused: t(lang, "assess.refuseLevel", { typed: token, values: levelValues(rubric, lang), keys }) };
  }
  if (criterion.type === "boolean") {
    const s = normaliseToken(token);
    if (commandOf(s, ["yes"]) !== undefined || ARABIC_YES.includes(s)) return { kind: "boolean", value: true };
    if (commandOf(s, ["no"]) !== undefined || ARABIC_NO.includes(s)) return { kind: "boolean", value: false };
    return { refused: t(lang, "assess.refuseYesNo", { typed: token, keys }) };
  }
  const n = parseNumber(token);
  if (n === undefined) return { refused: t(lang, "assess.refuseNumber", { typed: token, keys }) };
  const range = rangeOf(criterion);
  if (range !== undefined && ((range[0] !== null && n < range[0]) || (range[1] !== null && n > range[1]))) {
    return { refused: t(lang, "assess.refuseRange", { typed: token, range: rangeText(range, lang) }) };
  }
  return { kind: "number", value: n };
}

/**
 * Reads one line typed at a question. Nothing typed skips (or keeps the current answer). A line
 * that is not exactly an allowed answer or key is refused with a message naming what is allowed:
 * `5` at a 0–4 scale never records anything.
 */
export function parseEntry(line: string, criterion: Criterion, rubric: Rubric, lang: string): Entry {
  const text = line.trim();
  if (text === "") return { kind: "command", command: "skip" };
  const space = text.search(/\s/);
  const token = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? "" : text.slice(space + 1);
  // At a yes/no question «لا» means no: it is not read as the back key there.
  const yesNoWord = criterion.type === "boolean" && [...ARABIC_YES, ...ARABIC_NO].includes(normaliseToken(token));
  const command = yesNoWord ? undefined : commandOf(token, QUESTION_COMMANDS);
  if (command === "na") {
    const { evidence, note } = splitRest(rest);
    return { kind: "na", ...(evidence !== undefined ? { reason: evidence } : {}), ...(note !== undefined ? { note } : {}) };
  }
  if (command !== undefined) {
    if (rest.trim() !== "") return { kind: "refused", message: t(lang, "assess.refuseAfterKey", { key: token }) };
    return { kind: "command", command };
  }
  const value = answerOf(token, criterion, rubric, lang);
  if ("refused" in value) return { kind: "refused", message: value.refused };
  const { evidence, note } = splitRest(rest);
  const editor = evidence !== undefined && commandOf(evidence, ["evidence"]) !== undefined;
  return { kind: "answer", value, ...(evidence !== undefined && !editor ? { evidence } : {}), ...(note !== undefined ? { note } : {}), editor };
}
