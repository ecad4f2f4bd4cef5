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

/**
 * What a scan of one text has seen that the full parser's pre-parse nesting check could count: a `[`
 * or `{` inside a scalar (that check counts them as nesting). When set, the caller runs that check.
 */
export const seen = { bracketInScalar: false, bytes: false };

/**
 * A scalar's text, noting a bracket in it (see `seen`). When the source is a byte string (`seen.bytes`,
 * io/fast-read.ts), the scalar is decoded here: every string of the result passes through once.
 */
export function scalarText(text: string): string {
  if (!seen.bracketInScalar && (text.includes("[") || text.includes("{"))) seen.bracketInScalar = true;
  return seen.bytes && hasHighBytes(text) ? decodeBytes(text) : text;
}

/** A first character no core-schema null, bool or number starts with: a letter other than n, t, f in either case. */
function isWordStart(c: number): boolean {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return letter && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70;
}

/** A plain scalar resolved as the core schema does. */
export function resolvePlain(text: string): unknown {
  // Most scalars are words: only a first character that can start a null, bool or number needs the patterns.
  if (isWordStart(text.charCodeAt(0))) return scalarText(text);
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT.test(text) || FLOAT.test(text)) {
    const value = INT.test(text) ? parseInt(text, 10) : parseFloat(text);
    // Too large to be finite: the full parser refuses it, with its position and code.
    if (!Number.isFinite(value)) throw new Decline();
    return value;
  }
  if (OTHER_NUMBER.test(text)) throw new Decline();
  return scalarText(text);
}

/**
 * A mapping key: only keys that resolve to strings (the JS object key is then the same text), and
 * at most 1,000 characters as written (`sourceLength`: quotes and escapes count; the full parser
 * refuses an implicit key over 1,024).
 */
export function keyOf(text: string, quoted: boolean, sourceLength: number = text.length): string {
  if (text === "__proto__" || text === "<<" || sourceLength > 1000) throw new Decline();
  if (quoted) return text; // read by readQuoted, through scalarText already
  // A key that starts with a letter other than n, t, f (any case) is no null, bool or number: no pattern to try.
  if (!isWordStart(text.charCodeAt(0)) && (NULL.test(text) || BOOL.test(text) || INT.test(text) || FLOAT.test(text) || OTHER_NUMBER.test(text))) throw new Decline();
  return scalarText(text);
}

export function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
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
function nextBackslash(text: string, from: number): number {
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

const ANCHOR_CHAR = /[A-Za-z0-9_.-]/;

/** An anchor or alias name starting at `text[at]` (after `&` or `*`): its name and the index after it. */
export function readAnchorName(text: string, at: number): { name: string; end: number } {
  let i = at;
  while (i < text.length && ANCHOR_CHAR.test(text[i]!)) i++;
  if (i === at) throw new Decline();
  return { name: text.slice(at, i), end: i };
}

/** Aliases of one anchor the fast reader resolves; the full parser refuses more than 100 (an alias bomb). */
const MAX_ALIAS_USES = 90;

/**
 * The anchors of one document. An alias inside an anchored node, an alias to an unknown anchor, an
 * anchor defined twice or used too often declines: those are the full parser's to judge.
 */
export class Anchors {
  private readonly values = new Map<string, { value: unknown; uses: number }>();
  /** Anchored nodes being read: an alias inside one would multiply the full parser's alias count. */
  private open = 0;

  begin(): void {
    this.open++;
  }

  define(name: string, value: unknown): unknown {
    this.open--;
    if (this.values.has(name)) throw new Decline();
    this.values.set(name, { value, uses: 0 });
    return value;
  }

  alias(name: string): unknown {
    const entry = this.values.get(name);
    if (entry === undefined || this.open > 0 || ++entry.uses > MAX_ALIAS_USES) throw new Decline();
    return entry.value;
  }
}
