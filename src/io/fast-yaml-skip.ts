/**
 * A batch's fast YAML read without the texts it does not show (`seen.scoresOnly`, fast-yaml.ts): an
 * answer's one-line `evidence: [...]` and `notes: "..."` are checked where they stand, not built.
 * They are skipped only when written in the plain forms below and when they are what the schema and
 * the answer check accept — every piece of evidence a non-empty double-quoted text, or a map of
 * `url` and `note` (one at least; double-quoted, non-empty) and `date` (a real date, plain or
 * double-quoted), each key once. Anything else — an escape, single quotes, a plain URL, an anchor or
 * alias, another scalar, a problem — is not skipped: the reader then reads the value as any other,
 * and the guard and the full path deal with it. So a skipped value changes nothing but what is kept:
 * an empty list, an empty text (a differential test holds the scores to the full loader).
 */
import { nextBackslash, seen } from "./fast-yaml-scalars.js";

/** What a skipped `evidence` reads as: a list the batch does not look into. */
export const SKIPPED_EVIDENCE: readonly unknown[] = Object.freeze([]);
/** What skipped `notes` read as. */
export const SKIPPED_NOTES = "";

const URL = 1;
const NOTE = 2;
const DATE = 4;

function spacesAt(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * The first `[` or `{` at or after a position of the text being read (its length for none): found once
 * and reused while the reader moves forward, as `nextBackslash` is. Searched again at each text, the
 * rest of a long line would be read once for every text on it (a 2 MB list took 36 s).
 */
const bracket = { text: "", from: 0, at: 0 };
function nextBracket(text: string, from: number): number {
  if (bracket.text !== text || from < bracket.from || bracket.at < from) {
    const square = text.indexOf("[", from);
    const curly = text.indexOf("{", from);
    bracket.text = text;
    bracket.from = from;
    bracket.at = Math.min(square < 0 ? text.length : square, curly < 0 ? text.length : curly);
  }
  return bracket.at;
}

/**
 * The end (after the closing quote) of the double-quoted text at `text[at]`, or -1: none, or one with
 * an escape (read as any other). A `[` or `{` in it is noted, as the reader notes it (fast-yaml-scalars.ts `seen`).
 */
function quotedEnd(text: string, at: number): number {
  const close = text.indexOf('"', at + 1);
  if (close < 0 || nextBackslash(text, at + 1) < close) return -1;
  if (!seen.bracketInScalar && nextBracket(text, at + 1) < close) seen.bracketInScalar = true;
  return close + 1;
}

/** The digit at `text[at]`, or -1. */
function digitAt(text: string, at: number): number {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Whether `text` holds a real YYYY-MM-DD date at `at` (as core/assessment-guard.ts isDate). */
function isDateAt(text: string, at: number): boolean {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return false;
  const y0 = digitAt(text, at);
  const y1 = digitAt(text, at + 1);
  const y2 = digitAt(text, at + 2);
  const y3 = digitAt(text, at + 3);
  const m0 = digitAt(text, at + 5);
  const m1 = digitAt(text, at + 6);
  const d0 = digitAt(text, at + 8);
  const d1 = digitAt(text, at + 9);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || m0 < 0 || m1 < 0 || d0 < 0 || d1 < 0) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** The key of an evidence map at `text[at]` (URL, NOTE, DATE) and the index after it, or 0 for any other. */
function evidenceKey(text: string, at: number): { bit: number; end: number; quoted: boolean } {
  const quoted = text.charCodeAt(at) === 34;
  const start = quoted ? at + 1 : at;
  let end = start;
  for (let c = text.charCodeAt(end); c >= 97 && c <= 122; c = text.charCodeAt(++end));
  const length = end - start;
  const bit = length === 3 && text.startsWith("url", start) ? URL : length === 4 && text.startsWith("note", start) ? NOTE : length === 4 && text.startsWith("date", start) ? DATE : 0;
  if (quoted) {
    if (text.charCodeAt(end) !== 34) return { bit: 0, end, quoted };
    end++;
  }
  return { bit, end, quoted };
}

/** A map of evidence at `text[at]` (`{`): the index after its `}`, or -1 (see the module comment). */
function evidenceMapEnd(text: string, at: number): number {
  let i = spacesAt(text, at + 1);
  let keys = 0;
  for (;;) {
    const key = evidenceKey(text, i);
    if (key.bit === 0 || (keys & key.bit) !== 0) return -1;
    keys |= key.bit;
    i = spacesAt(text, key.end);
    if (text.charCodeAt(i) !== 58) return -1;
    i++;
    // After a plain key a space must follow the `:`; after a quoted one the value may follow at once (as the flow reader reads keys).
    const next = text.charCodeAt(i);
    if (next !== 32 && !(key.quoted && next === 34) && !(key.quoted && key.bit === DATE && next >= 48 && next <= 57)) return -1;
    i = spacesAt(text, i);
    if (key.bit === DATE && text.charCodeAt(i) !== 34) {
      // A plain date: ten characters, then the end of the plain scalar (spaces, `,` or `}`).
      if (!isDateAt(text, i)) return -1;
      const after = text.charCodeAt(i + 10);
      if (after !== 32 && after !== 44 && after !== 125) return -1;
      i += 10;
    } else {
      if (text.charCodeAt(i) !== 34) return -1;
      const end = quotedEnd(text, i);
      // Empty: not evidence. A quoted date must be a date.
      if (end < 0 || end === i + 2 || (key.bit === DATE && (end !== i + 12 || !isDateAt(text, i + 1)))) return -1;
      i = end;
    }
    i = spacesAt(text, i);
    const sep = text.charCodeAt(i);
    if (sep === 125) return (keys & (URL | NOTE)) !== 0 ? i + 1 : -1;
    if (sep !== 44) return -1;
    i = spacesAt(text, i + 1);
  }
}

/**
 * An `evidence` list at `text[at]` (`[`), checked and not built: the index after its `]`, or -1 to
 * read it as any other value (see the module comment).
 */
export function skipEvidence(text: string, at: number): number {
  let i = spacesAt(text, at + 1);
  if (text.charCodeAt(i) === 93) return i + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 123) i = evidenceMapEnd(text, i);
    else if (c === 34) {
      const end = quotedEnd(text, i);
      i = end === i + 2 ? -1 : end;
    } else return -1;
    if (i < 0) return -1;
    i = spacesAt(text, i);
    const sep = text.charCodeAt(i);
    if (sep === 93) return i + 1;
    if (sep !== 44) return -1;
    i = spacesAt(text, i + 1);
  }
}

/** Double-quoted `notes` at `text[at]`, checked and not built: the index after the closing quote, or -1. */
export function skipNotes(text: string, at: number): number {
  return text.charCodeAt(at) === 34 ? quotedEnd(text, at) : -1;
}
