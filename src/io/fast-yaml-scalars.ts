/**
 * The scalars of the fast reader (see fast-yaml.ts): plain scalars resolved as the core schema does,
 * quoted scalars, keys, and the anchors of one document. Anything outside the subset declines.
 */
import { decodeBytes, hasHighBytes } from "./fast-read.js";

/** Thrown internally to decline; never escapes `fastParseYaml`. */
export class Decline extends Error {}

export const NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
export const INT = /^[-+]?[0-9]+$/;
export const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Other core-schema forms (octal, hex, exponent, inf, nan): rare in assessments, left to the full parser. */
export const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE]/;
/** Characters the fast reader does not handle anywhere (tabs, controls, a CR not before LF, BOM, line separators). */
// eslint-disable-next-line no-control-regex
export const REFUSED_CHARS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;
/** A carriage return that does not end a line (tested only when the text has one). */
export const LONE_CR = /\r(?!\n)/;
/** A plain scalar may not start with these (indicators); `-` is checked separately. */
export const INDICATOR_START = /^[?:,[\]{}#&*!|>'"%@`]/;
export const MAX_DEPTH = 32;

/** Whether a character code is one of INDICATOR_START's, without a pattern (and a string) per scalar. */
export function isIndicator(c: number): boolean {
  switch (c) {
    case 63: // ?
    case 58: // :
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

/**
 * The state of the scan of one text. `bracketInScalar`: a `[` or `{` seen inside a scalar, which the
 * full parser's pre-parse nesting check counts as nesting (when set, the caller runs that check).
 * `bytes`: the text is a byte string (io/fast-read.ts). `decode`: the line being read holds a byte
 * above 0x7F of such a text, so its scalars are decoded; the other lines' scalars are ASCII already.
 * `scoresOnly`: a batch reads the text, and answers' evidence and notes may be skipped (fast-yaml-skip.ts).
 */
export const seen = { bracketInScalar: false, bytes: false, decode: false, scoresOnly: false };

/**
 * A scalar's text, noting a bracket in it (see `seen`). On a line of a byte string that holds bytes
 * above 0x7F (`seen.decode`, io/fast-read.ts), the scalar is decoded here: every string of the result
 * passes through once. Most lines of a file are ASCII (an Arabic name is on one line): their scalars
 * are not looked at character by character.
 */
export function scalarText(text: string, brackets = true): string {
  // `brackets` false: a plain scalar of a flow collection, which ends before any bracket.
  if (brackets && !seen.bracketInScalar && (text.includes("[") || text.includes("{"))) seen.bracketInScalar = true;
  return seen.decode && hasHighBytes(text) ? decodeBytes(text) : text;
}

/** A first character no core-schema null, bool or number starts with: a letter other than n, t, f in either case. */
function isWordStart(c: number): boolean {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return letter && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * A text that starts with a letter is a core-schema null or bool only as one of these words (no
 * number starts with a letter): compared as strings, not matched by patterns.
 */
function isNullOrBoolWord(text: string): boolean {
  // By length and first letter first: most words are neither four nor five letters long.
  const n = text.length;
  if (n === 4) {
    const c = text.charCodeAt(0) | 32;
    if (c === 110) return text === "null" || text === "Null" || text === "NULL";
    return c === 116 && (text === "true" || text === "True" || text === "TRUE");
  }
  return n === 5 && (text.charCodeAt(0) | 32) === 102 && (text === "false" || text === "False" || text === "FALSE");
}

/** A plain scalar resolved as the core schema does. */
export function resolvePlain(text: string, brackets = true): unknown {
  // Most scalars are words: only a first character that can start a null, bool or number needs the patterns.
  const first = text.charCodeAt(0);
  if (isWordStart(first)) return scalarText(text, brackets);
  if (isLetter(first)) {
    // n, t or f in either case: a null or bool word, else a string.
    if (!isNullOrBoolWord(text)) return scalarText(text, brackets);
    const c = first | 32;
    return c === 110 ? null : c === 116;
  }
  if (first >= 48 && first <= 57) {
    // Digits first: all digits is a decimal integer (read here up to 15 digits, exactly); digits then a
    // character that no core-schema number has after its leading digits (`-` of a date, `:`, `_`, a
    // space) is a string. Only `.`, `e`, `E`, `x` and `o` need the patterns.
    let k = 1;
    let value = first - 48;
    for (let c = text.charCodeAt(k); c >= 48 && c <= 57; c = text.charCodeAt(++k)) value = value * 10 + (c - 48);
    if (k === text.length) {
      if (k <= 15) return value;
    } else {
      const c = text.charCodeAt(k);
      if (c !== 46 && c !== 101 && c !== 69 && c !== 120 && c !== 111) return scalarText(text, brackets);
    }
  }
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT.test(text) || FLOAT.test(text)) {
    const value = INT.test(text) ? parseInt(text, 10) : parseFloat(text);
    // Too large to be finite: the full parser refuses it, with its position and code.
    if (!Number.isFinite(value)) throw new Decline();
    return value;
  }
  if (OTHER_NUMBER.test(text)) throw new Decline();
  return scalarText(text, brackets);
}

/**
 * A mapping key: only keys that resolve to strings (the JS object key is then the same text), and
 * at most 1,000 characters as written (`sourceLength`: quotes and escapes count; the full parser
 * refuses an implicit key over 1,024).
 */
export function keyOf(text: string, quoted: boolean, sourceLength: number = text.length, brackets = true): string {
  if (text === "__proto__" || text === "<<" || sourceLength > 1000) throw new Decline();
  if (quoted) return text; // read by readQuoted, through scalarText already
  // A key that starts with a letter other than n, t, f (any case) is no null, bool or number: no pattern to try.
  const first = text.charCodeAt(0);
  if (isLetter(first) ? isNullOrBoolWord(text) : !isWordStart(first) && (NULL.test(text) || BOOL.test(text) || INT.test(text) || FLOAT.test(text) || OTHER_NUMBER.test(text))) throw new Decline();
  return scalarText(text, brackets);
}

export function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  // The keys of answers and evidence, set by name: a key read from the text is a new string, and a
  // store under it would look it up in the engine's string table first; compared with a constant
  // it costs a length check and a few characters, and the store goes to the object's own shape.
  switch (key) {
    case "level":
      if (map.level !== undefined) throw new Decline();
      map.level = value;
      return;
    case "value":
      if (map.value !== undefined) throw new Decline();
      map.value = value;
      return;
    case "evidence":
      if (map.evidence !== undefined) throw new Decline();
      map.evidence = value;
      return;
    case "notes":
      if (map.notes !== undefined) throw new Decline();
      map.notes = value;
      return;
    case "url":
      if (map.url !== undefined) throw new Decline();
      map.url = value;
      return;
    case "note":
      if (map.note !== undefined) throw new Decline();
      map.note = value;
      return;
    case "date":
      if (map.date !== undefined) throw new Decline();
      map.date = value;
      return;
  }
  // Values are never undefined here, so a key already set (or inherited, such as `constructor`: declined too) is found by lookup.
  if (map[key] !== undefined) throw new Decline();
  map[key] = value;
}

/** Where the last quoted scalar read ended (the index after its closing quote): no object per scalar. */
export const quoted = { end: 0 };

/**
 * The first backslash at or after a position of the text being read (`at`, -1 for none, is the first
 * at or after `from`): found once and reused while the reader moves forward. A double-quoted scalar
 * without escapes, nearly all of them, costs one `indexOf` for its closing quote and a comparison,
 * not a look at each of its characters.
 */
const backslash = { text: "", from: 0, at: -1 };
export function nextBackslash(text: string, from: number): number {
  if (backslash.text !== text || from < backslash.from || (backslash.at >= 0 && backslash.at < from)) {
    backslash.text = text;
    backslash.from = from;
    backslash.at = text.indexOf("\\", from);
  }
  return backslash.at < 0 ? text.length : backslash.at;
}

/** Reads a quoted scalar starting at `text[at]`; returns its value and sets `quoted.end`. */
export function readQuoted(text: string, at: number): string {
  const quote = text[at];
  let out = "";
  let i = at + 1;
  if (quote === "'") {
    for (;;) {
      const close = text.indexOf("'", i);
      if (close < 0) throw new Decline();
      out += text.slice(i, close);
      if (text[close + 1] === "'") {
        out += "'";
        i = close + 2;
      } else {
        quoted.end = close + 1;
        return scalarText(out);
      }
    }
  }
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) throw new Decline();
    const slash = Math.min(nextBackslash(text, i), close);
    if (slash === close) {
      out = out === "" ? text.slice(i, close) : out + text.slice(i, close);
      quoted.end = close + 1;
      return scalarText(out);
    }
    out += text.slice(i, slash);
    const esc = text[slash + 1];
    i = slash + 2;
    switch (esc) {
      case '"':
      case "\\":
      case "/":
        out += esc;
        break;
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "r":
        out += "\r";
        break;
      case "u": {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Decline();
        const code = parseInt(hex, 16);
        // From a byte string, the scalar is decoded as a whole afterwards: only ASCII may be escaped.
        if ((code >= 0xd800 && code <= 0xdfff) || (seen.bytes && code > 0x7f)) throw new Decline();
        out += String.fromCharCode(code);
        i += 4;
        break;
      }
      default:
        throw new Decline();
    }
  }
}

/** Skips spaces; then only a comment (` #...`, needing a space before it) or the end may follow. */
export function expectEnd(text: string, at: number): void {
  let i = at;
  while (text[i] === " ") i++;
  if (i === text.length) return;
  if (text[i] === "#" && i > at) return;
  throw new Decline();
}


/** Trailing spaces removed (YAML's white space is space and tab; `trimEnd` would also eat NBSP and others). */
export function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}
