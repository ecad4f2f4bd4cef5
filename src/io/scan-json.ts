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
import { decodeBytes, hasHighBytes } from "./fast-read.js";
import { deepIndent } from "./fast-yaml.js";
import { LIMITS, nestingDepth } from "./yaml.js";

/** Thrown inside the scan to decline, caught at its top: a plain object, no stack to capture. */
const DECLINED = { declined: true };

function decline(): never {
  throw DECLINED;
}

// The scan's state: one text at a time (a batch thread reads one file at a time).
let s = "";
let p = 0;
/** `s` holds UTF-8 bytes, one per character (io/fast-read.ts). */
let bytes = false;
/** The next line feed and backslash at or after the last string's start (or the text's length). */
let nextLf = -1;
let nextSlash = -1;
/** The last string read: its raw text lies between `strStart` and `strEnd`; `strEscaped` when it has a backslash. */
let strStart = 0;
let strEnd = 0;
let strEscaped = false;

const orEnd = (at: number): number => (at < 0 ? s.length : at);

/** Past spaces and line ends (a clean text has no tab and no lone CR); the code at the new position. */
function skip(): number {
  // In locals: a loop over the module's own variables would load and store them at every character.
  const text = s;
  const start = p;
  let i = start;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13) c = text.charCodeAt(++i);
  // A line indented past the full parser's limit starts with a run of at least 512 spaces (JSON has no
  // `?` and a `-` only before a digit): only then is the text looked at line by line (deepIndent).
  if (i - start >= 512) longRun = true;
  p = i;
  return c;
}

/** A run of 512 spaces or more was skipped: the text may be indented past the full parser's limit. */
let longRun = false;

/** At an opening quote: finds the string's end (sets strStart, strEnd, strEscaped) and moves past it. */
function string(): void {
  const start = p + 1;
  let end = s.indexOf('"', start);
  if (end < 0) decline();
  if (nextSlash < start) nextSlash = orEnd(s.indexOf("\\", start));
  strEscaped = nextSlash < end;
  if (strEscaped) {
    // The closing quote is the first one no backslash escapes; JSON.parse checks the escapes themselves.
    let at = start;
    while (nextSlash < end) {
      at = nextSlash + 2;
      if (at > end) end = s.indexOf('"', at);
      if (end < 0) decline();
      nextSlash = orEnd(s.indexOf("\\", at));
    }
  }
  if (nextLf < start) nextLf = orEnd(s.indexOf("\n", start));
  // A raw line end inside a string is not JSON (and a clean text has no other control character).
  if (nextLf < end) decline();
  strStart = start;
  strEnd = end;
  p = end + 1;
}

/** The last string read, as the value JSON.parse gives (decoded from bytes). */
function text(): string {
  let value: string;
  if (strEscaped) {
    try {
      value = JSON.parse(s.slice(strStart - 1, strEnd + 1)) as string;
    } catch {
      decline();
    }
  } else value = s.slice(strStart, strEnd);
  return bytes && hasHighBytes(value) ? decodeBytes(value) : value;
}

/** A string the value does not keep: its escapes are still checked (JSON.parse would refuse a bad one). */
function skippedString(): void {
  string();
  if (strEscaped) text();
}

/** A key: a string, then `:`. Declines the keys YAML reads differently or refuses. */
function key(): string {
  if (s.charCodeAt(p) !== 34) decline();
  string();
  if (strEnd - strStart >= 1000) decline();
  const k = text();
  if (k === "__proto__" || k === "<<") decline();
  if (skip() !== 58) decline();
  p++;
  return k;
}

/** After a member: true for `,` (another follows), false for the closing bracket `close`. */
function more(close: number): boolean {
  const c = skip();
  p++;
  if (c === 44) {
    skip();
    return true;
  }
  if (c !== close) decline();
  return false;
}

/** An empty collection at `p` (just past its opening bracket): moves past its closing bracket. */
function empty(close: number): boolean {
  if (skip() !== close) return false;
  p++;
  return true;
}

function literal(word: string, value: boolean | null): boolean | null {
  if (!s.startsWith(word, p)) decline();
  p += word.length;
  return value;
}

/** A JSON number, as JSON.parse reads it; declines one too large to be finite. */
function number(): number {
  const start = p;
  let c = s.charCodeAt(p);
  const negative = c === 45;
  if (negative) c = s.charCodeAt(++p);
  let whole = 0;
  if (c === 48) c = s.charCodeAt(++p);
  else if (c >= 49 && c <= 57) {
    do {
      whole = whole * 10 + (c - 48);
      c = s.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
  } else decline();
  let simple = p - start <= 15;
  if (c === 46) {
    simple = false;
    c = s.charCodeAt(++p);
    if (!(c >= 48 && c <= 57)) decline();
    do c = s.charCodeAt(++p);
    while (c >= 48 && c <= 57);
  }
  if (c === 101 || c === 69) {
    simple = false;
    c = s.charCodeAt(++p);
    if (c === 43 || c === 45) c = s.charCodeAt(++p);
    if (!(c >= 48 && c <= 57)) decline();
    do c = s.charCodeAt(++p);
    while (c >= 48 && c <= 57);
  }
  if (simple) return negative ? -whole : whole;
  const value = Number(s.slice(start, p));
  if (!Number.isFinite(value)) decline();
  return value;
}

/** Any value, built as JSON.parse builds it; `depth` counts the collections around it. */
function value(depth: number): unknown {
  const c = skip();
  if (c === 34) {
    string();
    return text();
  }
  if (c === 123 || c === 91) {
    if (depth >= LIMITS.maxDepth) decline();
    p++;
    if (c === 91) {
      const list: unknown[] = [];
      if (empty(93)) return list;
      do list.push(value(depth + 1));
      while (more(93));
      return list;
    }
    const record: Record<string, unknown> = {};
    if (empty(125)) return record;
    do {
      const k = key();
      if (Object.prototype.hasOwnProperty.call(record, k)) decline();
      record[k] = value(depth + 1);
    } while (more(125));
    return record;
  }
  if (c === 116) return literal("true", true);
  if (c === 102) return literal("false", false);
  if (c === 110) return literal("null", null);
  return number();
}

/** The keys of an answer object, as bits (a key written twice declines). */
const LEVEL = 1;
const VALUE = 2;
const NA = 4;
const EVIDENCE = 8;
const NOTES = 16;

/** The key at `p` if it is one of an answer's (raw text compared: they are ASCII); else 0. */
function answerKey(): number {
  if (s.charCodeAt(p) !== 34) decline();
  string();
  if (strEscaped) decline();
  const length = strEnd - strStart;
  let bit = 0;
  if (length === 5) bit = s.startsWith("level", strStart) ? LEVEL : s.startsWith("value", strStart) ? VALUE : s.startsWith("notes", strStart) ? NOTES : 0;
  else if (length === 2) bit = s.startsWith("na", strStart) ? NA : 0;
  else if (length === 8) bit = s.startsWith("evidence", strStart) ? EVIDENCE : 0;
  // Any other key is outside the answer schema: the full path words it.
  if (bit === 0 || skip() !== 58) decline();
  p++;
  return bit;
}

/** A non-empty string whose text the batch does not keep (a URL, a note). */
function nonEmptyString(): void {
  if (skip() !== 34) decline();
  skippedString();
  if (strEnd === strStart) decline();
}

/** A YYYY-MM-DD date of the calendar, read where it stands (as core/assessment-guard.ts isDate). */
function date(): void {
  if (skip() !== 34) decline();
  string();
  if (strEscaped || strEnd - strStart !== 10 || s.charCodeAt(strStart + 4) !== 45 || s.charCodeAt(strStart + 7) !== 45) decline();
  const digit = (i: number): number => {
    const d = s.charCodeAt(strStart + i) - 48;
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
  const c = skip();
  if (c === 34) {
    skippedString();
    if (strEnd === strStart) decline();
    return;
  }
  if (c !== 123) decline();
  p++;
  // An object with neither `url` nor `note` (empty included) is EVIDENCE_EMPTY: the full path words it.
  let seen = 0;
  skip();
  do {
    if (s.charCodeAt(p) !== 34) decline();
    string();
    const length = strEnd - strStart;
    if (strEscaped || skip() !== 58) decline();
    p++;
    const bit = length === 3 && s.startsWith("url", strStart) ? 1 : length === 4 && s.startsWith("note", strStart) ? 2 : length === 4 && s.startsWith("date", strStart) ? 4 : 0;
    if (bit === 0 || (seen & bit) !== 0) decline();
    seen |= bit;
    if (bit === 4) date();
    else nonEmptyString();
  } while (more(125));
  if ((seen & 3) === 0) decline();
}

/** One answer: a scalar as JSON.parse gives it, or an object that keeps only `level`, `value` and `na`. */
function answer(): unknown {
  const c = skip();
  if (c !== 123) {
    // A string or a list is not an answer: the full path words it.
    if (c === 34 || c === 91) decline();
    return value(2);
  }
  p++;
  const out: { level?: unknown; value?: unknown; na?: unknown } = {};
  if (empty(125)) return out;
  let seen = 0;
  do {
    const bit = answerKey();
    if ((seen & bit) !== 0) decline();
    seen |= bit;
    if (bit === LEVEL) out.level = value(3);
    else if (bit === VALUE) out.value = value(3);
    else if (bit === NA) out.na = value(3);
    else if (bit === NOTES) {
      if (skip() !== 34) decline();
      skippedString();
    } else {
      if (skip() !== 91) decline();
      p++;
      if (!empty(93)) {
        do evidenceItem();
        while (more(93));
      }
    }
  } while (more(125));
  return out;
}

/** The answers: null, or an object of answers by criterion id. */
function answers(): Record<string, unknown> | null {
  const c = skip();
  if (c === 110) return literal("null", null) as null;
  if (c !== 123) decline();
  p++;
  const record: Record<string, unknown> = {};
  if (empty(125)) return record;
  let n = 0;
  do {
    const id = answerId(n++);
    if (Object.prototype.hasOwnProperty.call(record, id)) decline();
    record[id] = answer();
  } while (more(125));
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
  if (known !== undefined && s.charCodeAt(p) === 34 && s.charCodeAt(p + 1 + known.length) === 34 && s.startsWith(known, p + 1)) {
    // An id with a backslash or a byte above 0x7F is never kept (below), so the raw text is the key.
    p += known.length + 2;
    if (skip() !== 58) decline();
    p++;
    return known;
  }
  const id = key();
  if (n < 1024 && !strEscaped && (!bytes || !hasHighBytes(id))) lastIds[n] = id;
  return id;
}

/**
 * The assessment a batch scores from a JSON text read by `readTextFast` (`read.clean`): answers
 * without their evidence and notes, which are checked, not built. Undefined to decline (see above).
 */
export function scanAssessmentJson(source: string, read: SourceForm): Record<string, unknown> | undefined {
  if (!read.clean) return undefined;
  s = source;
  p = 0;
  bytes = read.bytes;
  nextLf = -1;
  nextSlash = -1;
  try {
    if (skip() !== 123) return undefined;
    // From bytes, an escaped character would be decoded twice; an escaped surrogate YAML reads differently.
    if (source.includes("\\") && (bytes ? source.includes("\\u") : /\\u[dD][89abAB]/.test(source))) return undefined;
    longRun = false;
    p++;
    const record: Record<string, unknown> = {};
    if (!empty(125)) {
      do {
        const k = key();
        if (Object.prototype.hasOwnProperty.call(record, k)) decline();
        record[k] = k === "answers" ? answers() : value(1);
      } while (more(125));
    }
    skip();
    if (p < s.length || (longRun && deepIndent(source))) return undefined;
    // As fastParseJson: the full parser's nesting count can take an escaped quote for a string's end.
    if (source.includes('\\"') && nestingDepth(source).flow > LIMITS.maxDepth) return undefined;
    return record;
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  } finally {
    s = "";
  }
}
