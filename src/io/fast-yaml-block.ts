/**
 * The block structure of the fast YAML reader (see fast-yaml.ts): mappings and sequences by
 * indentation over the content lines of one document, with one-line flow collections, quoted and
 * plain scalars, anchors and aliases inside. Anything outside the subset declines.
 */
import { FlowReader } from "./fast-yaml-flow.js";
import { Anchors, readAnchorName } from "./fast-yaml-anchors.js";
import { Decline, expectEnd, isIndicator, keyOf, MAX_DEPTH, quoted, readQuoted, resolvePlain, scalarText, seen, setKey, trimSpaces } from "./fast-yaml-scalars.js";

/** A content line: its indentation and its text after the indentation. */
export interface Line {
  indent: number;
  text: string;
  /**
   * A literal block scalar's value (`key: |` and the lines below it), as read: the line's text then
   * ends with an empty quoted scalar (`key: ""`) whose value this is.
   */
  literal?: string;
  /**
   * The line (its literal included) holds a byte above 0x7F of a byte-string source (io/fast-read.ts):
   * only then are its scalars decoded (`seen.decode`, set as each line is read).
   */
  high: boolean;
}

/** Block structure over the content lines of one document. */
export class BlockReader {
  pos = 0;
  private readonly anchors = new Anchors();
  constructor(readonly lines: Line[]) {}

  /** The value of a node that starts on a line of its own at `indent`, or null if none follows deeper than `parentIndent`. */
  blockAfter(parentIndent: number, allowSeqAtParent: boolean, depth: number): unknown {
    const next = this.lines[this.pos];
    if (next === undefined) return null;
    if (next.indent > parentIndent) return this.block(next.indent, depth);
    if (allowSeqAtParent && next.indent === parentIndent && isSeqItem(next.text)) return this.seq(parentIndent, depth);
    return null;
  }

  /** A block node at exactly `indent`: a sequence, a mapping, or a one-line flow/quoted node. */
  block(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Decline();
    const line = this.lines[this.pos]!;
    seen.decode = line.high;
    if (isSeqItem(line.text)) return this.seq(indent, depth);
    const ch = line.text[0];
    if (ch === "{" || ch === "[") {
      // A flow collection on a line of its own (a whole document, or a value on the next line).
      const reader = new FlowReader(line.text, 0, this.anchors);
      const value = reader.node(depth);
      expectEnd(line.text, reader.i);
      this.pos++;
      this.noDeeper(indent);
      return value;
    }
    return this.map(indent, depth);
  }

  /** After a finished value, a following line deeper than `indent` would continue it: decline. */
  private noDeeper(indent: number): void {
    const next = this.lines[this.pos];
    if (next !== undefined && next.indent > indent) throw new Decline();
  }

  private seq(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.pos];
      if (line === undefined || line.indent < indent || (line.indent === indent && !isSeqItem(line.text))) return out;
      if (line.indent > indent) throw new Decline();
      seen.decode = line.high;
      if (line.text === "-") {
        this.pos++;
        out.push(this.blockAfter(indent, false, depth + 1));
        continue;
      }
      // `- rest`: the rest is a node at the column after the dash and its spaces.
      let k = 1;
      while (line.text[k] === " ") k++;
      if (indent + k > 256) throw new Decline();
      let rest = line.text.slice(k);
      if (rest[0] === "#") {
        this.pos++;
        out.push(this.blockAfter(indent, false, depth + 1));
        continue;
      }
      if (rest[0] === "*") {
        out.push(this.alias(rest, 0, indent));
        continue;
      }
      if (rest[0] === "&") {
        // `- &name` then a node: on the next lines, or a scalar or flow collection on this one.
        const { name, end } = readAnchorName(rest, 1);
        if (end < rest.length && rest[end] !== " ") throw new Decline();
        let j = end;
        while (rest[j] === " ") j++;
        this.anchors.begin();
        if (j === rest.length) {
          this.pos++;
          out.push(this.anchors.define(name, this.blockAfter(indent, false, depth + 1)));
          continue;
        }
        rest = rest.slice(j);
        if (rest[0] === "#" || isSeqItem(rest) || findKeyColon(rest) >= 0) throw new Decline();
        k += j;
        this.lines[this.pos] = line.literal === undefined ? { indent: indent + k, text: rest, high: line.high } : { indent: indent + k, text: rest, literal: line.literal, high: line.high };
        out.push(this.anchors.define(name, this.inlineNode(indent + k, indent, depth + 1)));
        continue;
      }
      this.lines[this.pos] = line.literal === undefined ? { indent: indent + k, text: rest, high: line.high } : { indent: indent + k, text: rest, literal: line.literal, high: line.high };
      out.push(this.inlineNode(indent + k, indent, depth + 1));
    }
  }

  /** A node whose first line is the current one, at `indent` (after `- `). */
  private inlineNode(indent: number, dashIndent: number, depth: number): unknown {
    const line = this.lines[this.pos]!;
    seen.decode = line.high;
    const ch = line.text[0];
    if (isSeqItem(line.text) || ch === "{" || ch === "[") return this.block(indent, depth);
    if (ch === '"' || ch === "'") {
      const q = readQuoted(line.text, 0);
      const qEnd = quoted.end;
      let j = qEnd;
      while (line.text[j] === " ") j++;
      if (line.text[j] === ":") return this.map(indent, depth);
      expectEnd(line.text, qEnd);
      this.pos++;
      this.noDeeper(dashIndent);
      return line.literal === undefined ? q : scalarText(line.literal);
    }
    if (findKeyColon(line.text) >= 0) return this.map(indent, depth);
    const value = resolvePlain(plainValue(line.text));
    this.pos++;
    this.noDeeper(dashIndent);
    return value;
  }

  private map(indent: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.pos];
      if (line === undefined || line.indent < indent) return out;
      if (line.indent > indent || isSeqItem(line.text)) throw new Decline();
      seen.decode = line.high;
      const text = line.text;
      let key: string;
      let after: number;
      if (text[0] === '"' || text[0] === "'") {
        const q = readQuoted(text, 0);
        const qEnd = quoted.end;
        let j = qEnd;
        while (text[j] === " ") j++;
        if (text[j] !== ":" || (text[j + 1] !== " " && text[j + 1] !== undefined)) throw new Decline();
        key = keyOf(q, true, qEnd);
        after = j + 1;
      } else {
        const colon = findKeyColon(text);
        if (colon <= 0) throw new Decline();
        const raw = trimSpaces(text.slice(0, colon));
        if (isIndicator(raw.charCodeAt(0)) || raw.startsWith("- ") || raw === "-" || raw.length > 1000) throw new Decline();
        key = keyOf(raw, false);
        after = colon + 1;
      }
      let j = after;
      while (text[j] === " ") j++;
      if (text[j] === "*") {
        if (j === after) throw new Decline();
        setKey(out, key, this.alias(text, j, indent));
        continue;
      }
      let anchor: string | undefined;
      if (text[j] === "&") {
        if (j === after) throw new Decline();
        const read = readAnchorName(text, j + 1);
        if (read.end < text.length && text[read.end] !== " ") throw new Decline();
        anchor = read.name;
        j = read.end;
        while (text[j] === " ") j++;
        this.anchors.begin();
      }
      this.pos++;
      if (j === text.length || text[j] === "#") {
        if (text[j] === "#" && j === after) throw new Decline();
        const block = this.blockAfter(indent, true, depth + 1);
        setKey(out, key, anchor === undefined ? block : this.anchors.define(anchor, block));
        continue;
      }
      const ch = text[j];
      let value: unknown;
      if (ch === "{" || ch === "[") {
        const reader = new FlowReader(text, j, this.anchors);
        value = reader.node(depth + 1);
        expectEnd(text, reader.i);
      } else if (ch === '"' || ch === "'") {
        value = readQuoted(text, j);
        expectEnd(text, quoted.end);
        if (line.literal !== undefined) value = scalarText(line.literal);
      } else {
        const plain = text.slice(j);
        if (isSeqItem(plain)) throw new Decline();
        value = resolvePlain(plainValue(plain));
      }
      this.noDeeper(indent);
      setKey(out, key, anchor === undefined ? value : this.anchors.define(anchor, value));
    }
  }

  /** `*name` at `text[at]`, the whole rest of the current line (a comment aside). */
  private alias(text: string, at: number, indent: number): unknown {
    const { name, end } = readAnchorName(text, at + 1);
    expectEnd(text, end);
    this.pos++;
    this.noDeeper(indent);
    return this.anchors.alias(name);
  }
}

export function isSeqItem(text: string): boolean {
  return text.charCodeAt(0) === 45 && (text.length === 1 || text.charCodeAt(1) === 32);
}

/** The index of the `:` that ends a plain key (`key: value` or `key:`), or -1; a comment or flow indicator first declines. */
export function findKeyColon(text: string): number {
  // Character codes, not one-character strings: this runs over every key of every line.
  const n = text.length;
  const first = text.charCodeAt(0);
  if (first === 123 || first === 91 || first === 125 || first === 93 || first === 34 || first === 39) return -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 && (i + 1 === n || text.charCodeAt(i + 1) === 32)) return i;
    if (c === 35 && i > 0 && text.charCodeAt(i - 1) === 32) return -1;
  }
  return -1;
}

/** A plain scalar value in block context: up to a ` #` comment, trimmed; a `: ` inside declines. */
function plainValue(text: string): string {
  const n = text.length;
  if (isIndicator(text.charCodeAt(0)) || (text.charCodeAt(0) === 45 && (n === 1 || text.charCodeAt(1) === 32))) throw new Decline();
  let end = n;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && i > 0 && text.charCodeAt(i - 1) === 32) {
      end = i;
      break;
    }
    if (c === 58 && (i + 1 === n || text.charCodeAt(i + 1) === 32)) throw new Decline();
  }
  return trimSpaces(text.slice(0, end));
}
