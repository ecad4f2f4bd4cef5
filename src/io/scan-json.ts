/**
 * The batch's JSON reader: one pass over a clean JSON text (io/fast-read.ts) that builds the
 * assessment a batch scores and nothing else. `fastParseJson` parses every string of the file
 * (`JSON.parse`), walks the value to decode and count keys, then scans the text again for its keys;
 * a batch then drops the evidence and notes it built. This reader checks evidence and notes where
 * they stand and never builds them: an answer keeps `level`, `value` and `na`; the rest of the file
 * is built as `JSON.parse` builds it. It declines (undefined) wherever `fastParseJson` declines —
 * duplicate keys, `__proto__` and `<<` keys, keys of 1,000 characters or more, numbers too large to
 * be finite, `\u` escapes in a byte string, escaped surrogates, deep nesting — and wherever the
 * evidence or notes it does not build would be a problem (empty evidence, a date that is not one, an
 * unknown key, a value of the wrong type), so that the value it gives passes the same checks as the
 * full one and scores the same (a differential test holds it to the full loader).
 */
import type { SourceForm } from "./fast-yaml.js";
import { hasHighBytes } from "./fast-read.js";
import { deepIndent } from "./fast-yaml.js";
import { decline, DECLINED, JsonScanner } from "./json-scanner.js";
import { LIMITS, nestingDepth } from "./yaml-limits.js";

/** The scan of this thread (a batch thread reads one file at a time). */
const j = new JsonScanner();

/** The keys of an answer object, as bits (a key written twice declines). */
const LEVEL = 1;
const VALUE = 2;
const NA = 4;
const EVIDENCE = 8;
const NOTES = 16;

/** The key at the scan's place if it is one of an answer's (raw text compared: they are ASCII); else 0. */
function answerKey(): number {
  if (j.s.charCodeAt(j.p) !== 34) decline();
  j.string();
  if (j.strEscaped) decline();
  const length = j.strEnd - j.strStart;
  let bit = 0;
  if (length === 5) bit = j.s.startsWith("level", j.strStart) ? LEVEL : j.s.startsWith("value", j.strStart) ? VALUE : j.s.startsWith("notes", j.strStart) ? NOTES : 0;
  else if (length === 2) bit = j.s.startsWith("na", j.strStart) ? NA : 0;
  else if (length === 8) bit = j.s.startsWith("evidence", j.strStart) ? EVIDENCE : 0;
  // Any other key is outside the answer schema: the full path words it.
  if (bit === 0 || j.skip() !== 58) decline();
  j.p++;
  return bit;
}

/** A non-empty string whose text the batch does not keep (a URL, a note). */
function nonEmptyString(): void {
  if (j.skip() !== 34) decline();
  j.skippedString();
  if (j.strEnd === j.strStart) decline();
}

/** A YYYY-MM-DD date of the calendar, read where it stands (as core/assessment-guard.ts isDate). */
function date(): void {
  if (j.skip() !== 34) decline();
  j.string();
  if (j.strEscaped || j.strEnd - j.strStart !== 10 || j.s.charCodeAt(j.strStart + 4) !== 45 || j.s.charCodeAt(j.strStart + 7) !== 45) decline();
  const digit = (i: number): number => {
    const d = j.s.charCodeAt(j.strStart + i) - 48;
    if (d < 0 || d > 9) decline();
    return d;
  };
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (y < 100 || m < 1 || m > 12 || d < 1) decline();
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)) decline();
}

/** One piece of evidence, checked and not kept: a non-empty string, or `url`, `note` (one at least) and `date`. */
function evidenceItem(): void {
  const c = j.skip();
  if (c === 34) {
    j.skippedString();
    if (j.strEnd === j.strStart) decline();
    return;
  }
  if (c !== 123) decline();
  j.p++;
  // An object with neither `url` nor `note` (empty included) is EVIDENCE_EMPTY: the full path words it.
  let seen = 0;
  j.skip();
  do {
    if (j.s.charCodeAt(j.p) !== 34) decline();
    j.string();
    const length = j.strEnd - j.strStart;
    if (j.strEscaped || j.skip() !== 58) decline();
    j.p++;
    const bit = length === 3 && j.s.startsWith("url", j.strStart) ? 1 : length === 4 && j.s.startsWith("note", j.strStart) ? 2 : length === 4 && j.s.startsWith("date", j.strStart) ? 4 : 0;
    if (bit === 0 || (seen & bit) !== 0) decline();
    seen |= bit;
    if (bit === 4) date();
    else nonEmptyString();
  } while (j.more(125));
  if ((seen & 3) === 0) decline();
}

/** One answer: a scalar as JSON.parse gives it, or an object that keeps only `level`, `value` and `na`. */
function answer(): unknown {
  const c = j.skip();
  if (c !== 123) {
    // A string or a list is not an answer: the full path words it.
    if (c === 34 || c === 91) decline();
    return j.value(2);
  }
  j.p++;
  const out: { level?: unknown; value?: unknown; na?: unknown } = {};
  if (j.empty(125)) return out;
  let seen = 0;
  do {
    const bit = answerKey();
    if ((seen & bit) !== 0) decline();
    seen |= bit;
    if (bit === LEVEL) out.level = j.value(3);
    else if (bit === VALUE) out.value = j.value(3);
    else if (bit === NA) out.na = j.value(3);
    else if (bit === NOTES) {
      if (j.skip() !== 34) decline();
      j.skippedString();
    } else {
      if (j.skip() !== 91) decline();
      j.p++;
      if (!j.empty(93)) {
        do evidenceItem();
        while (j.more(93));
      }
    }
  } while (j.more(125));
  return out;
}

/** The answers: null, or an object of answers by criterion id. */
function answers(): Record<string, unknown> | null {
  const c = j.skip();
  if (c === 110) return j.literal("null", null) as null;
  if (c !== 123) decline();
  j.p++;
  const record: Record<string, unknown> = {};
  if (j.empty(125)) return record;
  let n = 0;
  do {
    const id = answerId(n++);
    if (Object.prototype.hasOwnProperty.call(record, id)) decline();
    record[id] = answer();
  } while (j.more(125));
  return record;
}

/**
 * The criterion ids of the last file's answers, in their order: the files of a batch answer the same
 * criteria in the same order, and a key equal to the one at the same place is taken from here, a
 * string already used as a property name. A key sliced from the text would be hashed and looked up
 * in the engine's string table at every use.
 */
const lastIds: string[] = [];

/** The key of the `n`th answer (see `key`), from `lastIds` when it is the same text. */
function answerId(n: number): string {
  const known = lastIds[n];
  if (known !== undefined && j.s.charCodeAt(j.p) === 34 && j.s.charCodeAt(j.p + 1 + known.length) === 34 && j.s.startsWith(known, j.p + 1)) {
    // An id with a backslash or a byte above 0x7F is never kept (below), so the raw text is the key.
    j.p += known.length + 2;
    if (j.skip() !== 58) decline();
    j.p++;
    return known;
  }
  const id = j.key();
  if (n < 1024 && !j.strEscaped && (!j.bytes || !hasHighBytes(id))) lastIds[n] = id;
  return id;
}

/**
 * The assessment a batch scores from a JSON text read by `readTextFast` (`read.clean`): answers
 * without their evidence and notes, which are checked, not built. Undefined to decline (see above).
 */
export function scanAssessmentJson(source: string, read: SourceForm): Record<string, unknown> | undefined {
  if (!read.clean) return undefined;
  // From the start: leading spaces count towards a line indented past the limit too.
  j.start(source, read.bytes);
  try {
    if (j.skip() !== 123) return undefined;
    // From bytes, an escaped character would be decoded twice; an escaped surrogate YAML reads differently.
    if (source.includes("\\") && (j.bytes ? source.includes("\\u") : /\\u[dD][89abAB]/.test(source))) return undefined;
    j.p++;
    const record: Record<string, unknown> = {};
    if (!j.empty(125)) {
      do {
        const k = j.key();
        if (Object.prototype.hasOwnProperty.call(record, k)) decline();
        record[k] = k === "answers" ? answers() : j.value(1);
      } while (j.more(125));
    }
    j.skip();
    if (j.p < j.s.length || (j.longRun && deepIndent(source))) return undefined;
    // As fastParseJson: the full parser's nesting count can take an escaped quote for a string's end.
    if (source.includes('\\"') && nestingDepth(source).flow > LIMITS.maxDepth) return undefined;
    return record;
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  } finally {
    j.s = "";
  }
}
