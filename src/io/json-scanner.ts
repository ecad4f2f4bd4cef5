/**
 * A JSON text read token by token, for readers that build only part of what they read (io/scan-json.ts):
 * strings found with `indexOf` and sliced only when asked for, numbers and literals as `JSON.parse`
 * reads them, any value built as `JSON.parse` builds it. Anything that is not JSON, or that YAML reads
 * differently (a key written twice, `__proto__` and `<<` keys, keys of 1,000 characters or more,
 * numbers too large to be finite, nesting past the full parser's limit), declines: `decline()` throws
 * `DECLINED`, which the reader catches at its top.
 */
import { decodeBytes, hasHighBytes } from "./fast-read.js";
import { LIMITS } from "./yaml-limits.js";

/** Thrown inside a scan to decline, caught at its top: a plain object, no stack to capture. */
export const DECLINED = { declined: true };

export function decline(): never {
  throw DECLINED;
}

/** The state of one scan: one text at a time. */
export class JsonScanner {
  s = "";
  p = 0;
  /** `s` holds UTF-8 bytes, one per character (io/fast-read.ts). */
  bytes = false;
  /** The next line feed and backslash at or after the last string's start (or the text's length). */
  nextLf = -1;
  nextSlash = -1;
  /** The last string read: its raw text lies between `strStart` and `strEnd`; `strEscaped` when it has a backslash. */
  strStart = 0;
  strEnd = 0;
  strEscaped = false;
  /** A run of 512 spaces or more was skipped: the text may be indented past the full parser's limit. */
  longRun = false;

  /** Starts on a text (a byte string when `bytes`). */
  start(source: string, bytes: boolean): void {
    this.s = source;
    this.p = 0;
    this.bytes = bytes;
    this.nextLf = -1;
    this.nextSlash = -1;
    this.longRun = false;
  }

  orEnd(at: number): number {
    return at < 0 ? this.s.length : at;
  }

  /** Past spaces and line ends (a clean text has no tab and no lone CR); the code at the new position. */
  skip(): number {
    // In locals: a loop over the fields would load and store them at every character.
    const text = this.s;
    const start = this.p;
    let i = start;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13) c = text.charCodeAt(++i);
    // A line indented past the full parser's limit starts with a run of at least 512 spaces (JSON has no
    // `?` and a `-` only before a digit): only then is the text looked at line by line (deepIndent).
    if (i - start >= 512) this.longRun = true;
    this.p = i;
    return c;
  }

  /** At an opening quote: finds the string's end (sets strStart, strEnd, strEscaped) and moves past it. */
  string(): void {
    const start = this.p + 1;
    let end = this.s.indexOf('"', start);
    if (end < 0) decline();
    if (this.nextSlash < start) this.nextSlash = this.orEnd(this.s.indexOf("\\", start));
    this.strEscaped = this.nextSlash < end;
    if (this.strEscaped) {
      // The closing quote is the first one no backslash escapes; JSON.parse checks the escapes themselves.
      let at = start;
      while (this.nextSlash < end) {
        at = this.nextSlash + 2;
        if (at > end) end = this.s.indexOf('"', at);
        if (end < 0) decline();
        this.nextSlash = this.orEnd(this.s.indexOf("\\", at));
      }
    }
    if (this.nextLf < start) this.nextLf = this.orEnd(this.s.indexOf("\n", start));
    // A raw line end inside a string is not JSON (and a clean text has no other control character).
    if (this.nextLf < end) decline();
    this.strStart = start;
    this.strEnd = end;
    this.p = end + 1;
  }

  /** The last string read, as the value JSON.parse gives (decoded from bytes). */
  text(): string {
    let value: string;
    if (this.strEscaped) {
      try {
        value = JSON.parse(this.s.slice(this.strStart - 1, this.strEnd + 1)) as string;
      } catch {
        decline();
      }
    } else value = this.s.slice(this.strStart, this.strEnd);
    return this.bytes && hasHighBytes(value) ? decodeBytes(value) : value;
  }

  /** A string the value does not keep: its escapes are still checked (JSON.parse would refuse a bad one). */
  skippedString(): void {
    this.string();
    if (this.strEscaped) this.text();
  }

  /** A key: a string, then `:`. Declines the keys YAML reads differently or refuses. */
  key(): string {
    if (this.s.charCodeAt(this.p) !== 34) decline();
    this.string();
    if (this.strEnd - this.strStart >= 1000) decline();
    const k = this.text();
    if (k === "__proto__" || k === "<<") decline();
    if (this.skip() !== 58) decline();
    this.p++;
    return k;
  }

  /** After a member: true for `,` (another follows), false for the closing bracket `close`. */
  more(close: number): boolean {
    const c = this.skip();
    this.p++;
    if (c === 44) {
      this.skip();
      return true;
    }
    if (c !== close) decline();
    return false;
  }

  /** An empty collection at `p` (just past its opening bracket): moves past its closing bracket. */
  empty(close: number): boolean {
    if (this.skip() !== close) return false;
    this.p++;
    return true;
  }

  literal(word: string, value: boolean | null): boolean | null {
    if (!this.s.startsWith(word, this.p)) decline();
    this.p += word.length;
    return value;
  }

  /** A JSON number, as JSON.parse reads it; declines one too large to be finite. */
  number(): number {
    const start = this.p;
    let c = this.s.charCodeAt(this.p);
    const negative = c === 45;
    if (negative) c = this.s.charCodeAt(++this.p);
    let whole = 0;
    if (c === 48) c = this.s.charCodeAt(++this.p);
    else if (c >= 49 && c <= 57) {
      do {
        whole = whole * 10 + (c - 48);
        c = this.s.charCodeAt(++this.p);
      } while (c >= 48 && c <= 57);
    } else decline();
    let simple = this.p - start <= 15;
    if (c === 46) {
      simple = false;
      c = this.s.charCodeAt(++this.p);
      if (!(c >= 48 && c <= 57)) decline();
      do c = this.s.charCodeAt(++this.p);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      simple = false;
      c = this.s.charCodeAt(++this.p);
      if (c === 43 || c === 45) c = this.s.charCodeAt(++this.p);
      if (!(c >= 48 && c <= 57)) decline();
      do c = this.s.charCodeAt(++this.p);
      while (c >= 48 && c <= 57);
    }
    if (simple) return negative ? -whole : whole;
    const value = Number(this.s.slice(start, this.p));
    if (!Number.isFinite(value)) decline();
    return value;
  }

  /** Any value, built as JSON.parse builds it; `depth` counts the collections around it. */
  value(depth: number): unknown {
    const c = this.skip();
    if (c === 34) {
      this.string();
      return this.text();
    }
    if (c === 123 || c === 91) {
      if (depth >= LIMITS.maxDepth) decline();
      this.p++;
      if (c === 91) {
        const list: unknown[] = [];
        if (this.empty(93)) return list;
        do list.push(this.value(depth + 1));
        while (this.more(93));
        return list;
      }
      const record: Record<string, unknown> = {};
      if (this.empty(125)) return record;
      do {
        const k = this.key();
        if (Object.prototype.hasOwnProperty.call(record, k)) decline();
        record[k] = this.value(depth + 1);
      } while (this.more(125));
      return record;
    }
    if (c === 116) return this.literal("true", true);
    if (c === 102) return this.literal("false", false);
    if (c === 110) return this.literal("null", null);
    return this.number();
  }
}
