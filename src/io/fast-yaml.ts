/**
 * A fast reader for the subset of YAML that assessment files are written in: block mappings and
 * sequences, one-line flow collections (JSON-like keys included), plain and one-line quoted scalars,
 * literal block scalars (`|`, `|-`), anchors and aliases, comments and `---`. It yields exactly the
 * values the `yaml` package yields with the core schema, or `undefined` (it declines) at the first
 * thing outside that subset — tags, folded scalars, multi-line plain or quoted scalars, tabs,
 * duplicate keys, anything odd — so the caller falls back to the full parser, which also owns every
 * error message and position. Declining is always safe; accepting must be exact.
 *
 * This module splits the stream into documents and content lines (a literal block scalar becomes one
 * quoted line); fast-yaml-block.ts reads the block structure, fast-yaml-flow.ts one-line flow
 * collections, fast-yaml-scalars.ts scalars, keys and anchors.
 */
import { LIMITS, nestingDepth } from "./yaml-limits.js";
import { BlockReader, findKeyColon, isSeqItem, type Line } from "./fast-yaml-block.js";
import { Decline, expectEnd, LONE_CR, REFUSED_CHARS, seen } from "./fast-yaml-scalars.js";

/**
 * A line indented (spaces, `-` and `?` indicators) past the full parser's pre-parse limit: a line
 * that starts with more than maxDepth·8 of them. Each line's start is looked at, up to its first
 * other character (a regular expression over the whole text cost 13 µs on an 11 KB one-line JSON).
 */
export function deepIndent(source: string): boolean {
  const limit = LIMITS.maxDepth * 8 + 1;
  if (source.length < limit) return false;
  for (let start = 0; start >= 0; ) {
    const stop = Math.min(source.length, start + limit);
    let k = start;
    for (let c = source.charCodeAt(k); k < stop && (c === 32 || c === 45 || c === 63); c = source.charCodeAt(++k));
    if (k - start >= limit) return true;
    const newline = source.indexOf("\n", k);
    start = newline < 0 ? -1 : newline + 1;
  }
  return false;
}

/** How the fast readers' source is given: decoded text or UTF-8 bytes (io/fast-read.ts), checked for refused characters or not. */
export interface SourceForm {
  bytes: boolean;
  clean: boolean;
  /** Of a byte string: the offsets of its first and last byte above 0x7F, when the read found them (io/fast-read.ts). */
  highFrom?: number;
  highTo?: number;
  /** Of a byte string: each run of bytes above 0x7F, as pairs of first and last offsets, in order (io/fast-read.ts). */
  highRuns?: Int32Array;
  /** A batch reads it: answers' one-line evidence and notes may be checked and left out (fast-yaml-skip.ts). */
  scoresOnly?: boolean;
}
const TEXT: SourceForm = { bytes: false, clean: false };

/**
 * Parses a YAML stream of the plain subset: one value per document (empty documents are null).
 * Returns undefined to decline: the caller must then use the full parser.
 */
export function fastParseYaml(source: string, read: SourceForm = TEXT): unknown[] | undefined {
  if (!read.clean && (REFUSED_CHARS.test(source) || (source.includes("\r") && LONE_CR.test(source)))) return undefined;
  // Indentation: every content line is checked against 256 columns below (the full parser's limit is 512).
  seen.bracketInScalar = false;
  seen.bytes = read.bytes;
  seen.decode = false;
  seen.scoresOnly = read.scoresOnly === true;
  // Where the bytes above 0x7F of a byte string are: a line is `high` (its scalars decoded) when it holds one.
  const high = read.bytes ? new HighBytes(source, read) : undefined;
  try {
    const documents: Line[][] = [[]];
    let explicitStart = false;
    // Line by line without splitting: comment and blank lines (most of an `init` file) cost no string.
    for (let start = 0; start < source.length; ) {
      let end = source.indexOf("\n", start);
      if (end < 0) end = source.length;
      const next = end + 1;
      if (end > start && source.charCodeAt(end - 1) === 13) end--;
      const c0 = source.charCodeAt(start);
      if (c0 === 45 /* - */ && source.startsWith("---", start)) {
        const rawLine = source.slice(start, end);
        if (rawLine.length > 3 && rawLine[3] !== " ") throw new Decline();
        expectEnd(rawLine, 3);
        if (explicitStart || documents[documents.length - 1]!.length > 0) documents.push([]);
        explicitStart = true;
        start = next;
        continue;
      }
      if (c0 === 37 /* % */ || (c0 === 46 /* . */ && source.startsWith("...", start))) throw new Decline();
      let i = start;
      while (i < end && source.charCodeAt(i) === 32) i++;
      if (i === end || source.charCodeAt(i) === 35 /* # */) {
        start = next;
        continue;
      }
      const indent = i - start;
      if (indent > 256) throw new Decline();
      let stop = end;
      while (source.charCodeAt(stop - 1) === 32) stop--;
      const text = source.slice(i, stop);
      start = next;
      const literal = blockScalarHeader(text, indent);
      if (literal !== undefined) {
        // The line reads as its head and an empty quoted scalar; the block reader takes the value from `literal`.
        const scalar = readLiteral(source, start, literal.parent, literal.strip);
        const lineHigh = high !== undefined && high.within(i, scalar.next);
        start = scalar.next;
        documents[documents.length - 1]!.push({ indent, text: `${literal.head}""`, literal: scalar.value, high: lineHigh });
      } else documents[documents.length - 1]!.push({ indent, text, high: high !== undefined && high.within(i, stop) });
    }
    // No content at all: the loader reports an empty file; leave that to it.
    if (documents.length > LIMITS.maxDocuments || documents.every((lines) => lines.length === 0)) throw new Decline();
    const values = documents.map((lines) => {
      if (lines.length === 0) return null;
      const reader = new BlockReader(lines);
      const first = lines[0]!;
      if (first.indent !== 0) throw new Decline();
      const firstChar = first.text[0];
      if (!isSeqItem(first.text) && firstChar !== "{" && firstChar !== "[" && findKeyColon(first.text) < 0 && firstChar !== '"' && firstChar !== "'") throw new Decline();
      const value = reader.block(0, 0);
      if (reader.pos !== lines.length) throw new Decline();
      return value;
    });
    // The full parser refuses deep nesting before parsing, counting every bracket outside quotes and
    // comments. This reader's own depth is capped well below; only brackets inside scalars could add
    // to that count, and only then is it taken.
    if (seen.bracketInScalar && nestingDepth(source).flow > LIMITS.maxDepth) return undefined;
    return values;
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

/**
 * The bytes above 0x7F of a byte string: is there one in a range? The read found them (`highRuns`):
 * the runs are walked forward with the lines (an `init` template's comments hold such bytes from its
 * first line to its last; its answers' lines are ASCII). Without the runs, a range outside the first
 * and last (`highFrom`, `highTo`) holds none, and inside they are found with a native search.
 */
class HighBytes {
  private next = -1;
  /** The first run that does not end before the last range asked (pairs in `read.highRuns`). */
  private run = 0;
  private readonly pattern = /[^\x00-\x7f]/g;
  constructor(
    private readonly source: string,
    private readonly read: SourceForm,
  ) {}

  /** Whether `source` may hold a byte above 0x7F from `from` to before `to`; ranges are asked in increasing order. */
  within(from: number, to: number): boolean {
    const runs = this.read.highRuns;
    if (runs !== undefined) {
      while (this.run < runs.length && runs[this.run + 1]! < from) this.run += 2;
      return this.run < runs.length && runs[this.run]! < to;
    }
    if (this.read.highTo !== undefined && (this.read.highTo < from || this.read.highFrom! >= to)) return false;
    if (this.next < from) {
      this.pattern.lastIndex = from;
      const found = this.pattern.exec(this.source);
      this.next = found === null ? this.source.length : found.index;
    }
    return this.next < to;
  }
}

/**
 * A literal block scalar's header line (`key: |`, `key: |-`, `- |`): the line before the indicator,
 * the column its content must be deeper than, and the chomping; undefined for any other line.
 * Folded (`>`), keep (`|+`) and indentation indicators are left to the full parser.
 */
function blockScalarHeader(text: string, indent: number): { head: string; parent: number; strip: boolean } | undefined {
  if (!text.endsWith("|") && !text.endsWith("|-")) return undefined;
  const strip = text.endsWith("-");
  const head = text.slice(0, strip ? -2 : -1);
  if (/^- +$/.test(head)) return { head, parent: indent, strip };
  if (!/[^ ]: +$/.test(head)) return undefined;
  // `- key: |`: the key's column is after the dash.
  let parent = indent;
  if (head.startsWith("- ")) {
    let k = 1;
    while (head[k] === " ") k++;
    parent += k;
  }
  return { head, parent, strip };
}

/** The content of a literal block scalar from offset `from` (a line start) on: lines deeper than `parent`, or blank; `next` is the offset after it. */
function readLiteral(source: string, from: number, parent: number, strip: boolean): { value: string; next: number } {
  const lines: string[] = [];
  let contentIndent = -1;
  let start = from;
  while (start < source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end);
    let indent = 0;
    while (line[indent] === " ") indent++;
    if (indent < line.length) {
      if (indent <= parent) break;
      if (indent > 256) throw new Decline();
      if (contentIndent < 0) contentIndent = indent;
      else if (indent < contentIndent) throw new Decline();
    }
    lines.push(line);
    start = end + 1;
  }
  const r = start;
  if (contentIndent < 0) {
    if (lines.some((l) => l.length > 0)) throw new Decline();
    return { value: "", next: r };
  }
  // Trailing blank lines belong to the scalar and are chomped; a blank line holding spaces past the
  // content's indentation is text (or an error), left to the full parser.
  let last = lines.length - 1;
  while (lines[last]!.trim() === "") last--;
  const body: string[] = [];
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!;
    if (line.trim() === "") {
      if (line.length > contentIndent) throw new Decline();
      body.push("");
    } else body.push(line.slice(contentIndent));
  }
  for (let i = last + 1; i < lines.length; i++) if (lines[i]!.length > contentIndent) throw new Decline();
  return { value: strip ? body.join("\n") : `${body.join("\n")}\n`, next: r };
}
