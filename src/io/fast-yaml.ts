/**
 * A fast reader for the plain subset of YAML that assessment files are written in: block mappings
 * and sequences, one-line flow collections, plain and one-line quoted scalars, comments and `---`.
 * It yields exactly the values the `yaml` package yields with the core schema, or `undefined` (it
 * declines) at the first thing outside that subset — anchors, tags, block scalars, multi-line
 * scalars, tabs, duplicate keys, anything odd — so the caller falls back to the full parser, which
 * also owns every error message and position. Declining is always safe; accepting must be exact.
 */
import { LIMITS, nestingDepth } from "./yaml.js";

/** Thrown internally to decline; never escapes `fastParseYaml`. */
class Decline extends Error {}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Other core-schema forms (octal, hex, exponent, inf, nan): rare in assessments, left to the full parser. */
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE]/;
/** Characters the fast reader does not handle anywhere (tabs, controls, BOM, line separators). */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;
/** A plain scalar may not start with these (indicators); `-` is checked separately. */
const INDICATOR_START = /^[?:,[\]{}#&*!|>'"%@`]/;
const MAX_DEPTH = 32;

/** A plain scalar resolved as the core schema does. */
function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT.test(text) || FLOAT.test(text)) {
    const value = INT.test(text) ? parseInt(text, 10) : parseFloat(text);
    // Too large to be finite: the full parser refuses it, with its position and code.
    if (!Number.isFinite(value)) throw new Decline();
    return value;
  }
  if (OTHER_NUMBER.test(text)) throw new Decline();
  return text;
}

/** A mapping key: only keys that resolve to strings (the JS object key is then the same text). */
function keyOf(text: string, quoted: boolean): string {
  if (text === "__proto__" || text === "<<" || text.length > 1000) throw new Decline();
  if (!quoted && (NULL.test(text) || BOOL.test(text) || INT.test(text) || FLOAT.test(text) || OTHER_NUMBER.test(text))) throw new Decline();
  return text;
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.prototype.hasOwnProperty.call(map, key)) throw new Decline();
  map[key] = value;
}

/** Reads a quoted scalar starting at `text[at]`; returns the value and the index after the closing quote. */
function readQuoted(text: string, at: number): { value: string; end: number } {
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
      } else return { value: out, end: close + 1 };
    }
  }
  for (;;) {
    const close = text.indexOf('"', i);
    const slash = text.indexOf("\\", i);
    if (close < 0) throw new Decline();
    if (slash < 0 || slash > close) {
      out += text.slice(i, close);
      return { value: out, end: close + 1 };
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
        if (code >= 0xd800 && code <= 0xdfff) throw new Decline();
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
function expectEnd(text: string, at: number): void {
  let i = at;
  while (text[i] === " ") i++;
  if (i === text.length) return;
  if (text[i] === "#" && i > at) return;
  throw new Decline();
}

/** One-line flow collections: `{a: 1, b: [x, "y"]}`. */
class FlowReader {
  i: number;
  constructor(
    readonly text: string,
    start: number,
  ) {
    this.i = start;
  }

  private spaces(): void {
    while (this.text[this.i] === " ") this.i++;
  }

  node(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Decline();
    this.spaces();
    const ch = this.text[this.i];
    if (ch === "{") return this.map(depth);
    if (ch === "[") return this.seq(depth);
    if (ch === '"' || ch === "'") {
      const { value, end } = readQuoted(this.text, this.i);
      this.i = end;
      return value;
    }
    return resolvePlain(this.plain());
  }

  /** A plain scalar in flow context: ends at `,` `]` `}` or `: `; a ` #` comment declines. */
  private plain(): string {
    const start = this.i;
    const t = this.text;
    const first = t[start];
    if (first === undefined || INDICATOR_START.test(t.slice(start, start + 1)) || (first === "-" && (t[start + 1] === " " || t[start + 1] === undefined))) {
      // An empty value (`{a: }`) is fine; other indicators are not.
      if (first === "," || first === "}" || first === "]") return "";
      throw new Decline();
    }
    let i = start;
    for (; i < t.length; i++) {
      const c = t[i];
      if (c === "," || c === "]" || c === "}" || c === "[" || c === "{") break;
      if (c === ":" && (t[i + 1] === " " || t[i + 1] === "," || t[i + 1] === "]" || t[i + 1] === "}" || t[i + 1] === undefined)) break;
      if (c === "#" && t[i - 1] === " ") throw new Decline();
    }
    this.i = i;
    return trimSpaces(t.slice(start, i));
  }

  private map(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.spaces();
    if (this.text[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.spaces();
      let key: string;
      const ch = this.text[this.i];
      if (ch === '"' || ch === "'") {
        const q = readQuoted(this.text, this.i);
        this.i = q.end;
        key = keyOf(q.value, true);
      } else {
        const plain = this.plain();
        if (plain === "") throw new Decline();
        key = keyOf(plain, false);
      }
      this.spaces();
      if (this.text[this.i] !== ":") throw new Decline();
      this.i++;
      if (this.text[this.i] !== " ") throw new Decline();
      setKey(out, key, this.node(depth + 1));
      this.spaces();
      const sep = this.text[this.i];
      this.i++;
      if (sep === "}") return out;
      if (sep !== ",") throw new Decline();
      this.spaces();
      if (this.text[this.i] === "}") throw new Decline();
    }
  }

  private seq(depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.spaces();
    if (this.text[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      this.spaces();
      const c = this.text[this.i];
      if (c === "," || c === "]") throw new Decline();
      out.push(this.node(depth + 1));
      this.spaces();
      const sep = this.text[this.i];
      this.i++;
      if (sep === "]") return out;
      if (sep !== ",") throw new Decline();
      this.spaces();
      if (this.text[this.i] === "]") throw new Decline();
    }
  }
}

/** A content line: its indentation and its text after the indentation. */
interface Line {
  indent: number;
  text: string;
}

/** Block structure over the content lines of one document. */
class BlockReader {
  pos = 0;
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
    if (isSeqItem(line.text)) return this.seq(indent, depth);
    const ch = line.text[0];
    if (ch === "{" || ch === "[") {
      // A flow collection on a line of its own (a whole document, or a value on the next line).
      const reader = new FlowReader(line.text, 0);
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
      if (line.text === "-") {
        this.pos++;
        out.push(this.blockAfter(indent, false, depth + 1));
        continue;
      }
      // `- rest`: the rest is a node at the column after the dash and its spaces.
      let k = 1;
      while (line.text[k] === " ") k++;
      const rest = line.text.slice(k);
      if (rest[0] === "#") {
        this.pos++;
        out.push(this.blockAfter(indent, false, depth + 1));
        continue;
      }
      this.lines[this.pos] = { indent: indent + k, text: rest };
      out.push(this.inlineNode(indent + k, indent, depth + 1));
    }
  }

  /** A node whose first line is the current one, at `indent` (after `- `). */
  private inlineNode(indent: number, dashIndent: number, depth: number): unknown {
    const line = this.lines[this.pos]!;
    const ch = line.text[0];
    if (isSeqItem(line.text) || ch === "{" || ch === "[") return this.block(indent, depth);
    if (ch === '"' || ch === "'") {
      const q = readQuoted(line.text, 0);
      let j = q.end;
      while (line.text[j] === " ") j++;
      if (line.text[j] === ":") return this.map(indent, depth);
      expectEnd(line.text, q.end);
      this.pos++;
      this.noDeeper(dashIndent);
      return q.value;
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
      const text = line.text;
      let key: string;
      let after: number;
      if (text[0] === '"' || text[0] === "'") {
        const q = readQuoted(text, 0);
        let j = q.end;
        while (text[j] === " ") j++;
        if (text[j] !== ":" || (text[j + 1] !== " " && text[j + 1] !== undefined)) throw new Decline();
        key = keyOf(q.value, true);
        after = j + 1;
      } else {
        const colon = findKeyColon(text);
        if (colon <= 0) throw new Decline();
        const raw = trimSpaces(text.slice(0, colon));
        if (INDICATOR_START.test(raw) || raw.startsWith("- ") || raw === "-" || raw.length > 1000) throw new Decline();
        key = keyOf(raw, false);
        after = colon + 1;
      }
      let j = after;
      while (text[j] === " ") j++;
      this.pos++;
      if (j === text.length || text[j] === "#") {
        if (text[j] === "#" && j === after) throw new Decline();
        setKey(out, key, this.blockAfter(indent, true, depth + 1));
        continue;
      }
      const ch = text[j];
      let value: unknown;
      if (ch === "{" || ch === "[") {
        const reader = new FlowReader(text, j);
        value = reader.node(depth + 1);
        expectEnd(text, reader.i);
      } else if (ch === '"' || ch === "'") {
        const q = readQuoted(text, j);
        expectEnd(text, q.end);
        value = q.value;
      } else {
        const plain = text.slice(j);
        if (isSeqItem(plain)) throw new Decline();
        value = resolvePlain(plainValue(plain));
      }
      this.noDeeper(indent);
      setKey(out, key, value);
    }
  }
}

function isSeqItem(text: string): boolean {
  return text[0] === "-" && (text.length === 1 || text[1] === " ");
}

/** The index of the `:` that ends a plain key (`key: value` or `key:`), or -1; a comment or flow indicator first declines. */
function findKeyColon(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ":" && (text[i + 1] === " " || i + 1 === text.length)) return i;
    if (c === "#" && text[i - 1] === " ") return -1;
    if (c === "{" || c === "[" || c === "}" || c === "]" || c === '"' || c === "'") {
      if (i === 0) return -1;
    }
  }
  return -1;
}

/** A plain scalar value in block context: up to a ` #` comment, trimmed; a `: ` inside declines. */
function plainValue(text: string): string {
  if (INDICATOR_START.test(text) || (text[0] === "-" && (text[1] === " " || text.length === 1))) throw new Decline();
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "#" && text[i - 1] === " ") {
      end = i;
      break;
    }
    if (c === ":" && (text[i + 1] === " " || i + 1 === text.length)) throw new Decline();
  }
  return trimSpaces(text.slice(0, end));
}

/** Trailing spaces removed (YAML's white space is space and tab; `trimEnd` would also eat NBSP and others). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Parses a YAML stream of the plain subset: one value per document (empty documents are null).
 * Returns undefined to decline: the caller must then use the full parser.
 */
export function fastParseYaml(source: string): unknown[] | undefined {
  if (REFUSED_CHARS.test(source.replace(/\r\n/g, "\n"))) return undefined;
  // The full parser refuses deep nesting before parsing; never accept what it would refuse.
  const { flow, indent } = nestingDepth(source);
  if (flow > LIMITS.maxDepth || indent > LIMITS.maxDepth * 8) return undefined;
  try {
    const documents: Line[][] = [[]];
    let explicitStart = false;
    for (const raw of source.split("\n")) {
      const rawLine = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (rawLine.startsWith("---")) {
        if (rawLine.length > 3 && rawLine[3] !== " ") throw new Decline();
        expectEnd(rawLine, 3);
        if (explicitStart || documents[documents.length - 1]!.length > 0) documents.push([]);
        explicitStart = true;
        continue;
      }
      if (rawLine.startsWith("...") || rawLine.startsWith("%")) throw new Decline();
      let indent = 0;
      while (rawLine[indent] === " ") indent++;
      if (indent === rawLine.length || rawLine[indent] === "#") continue;
      if (indent > 256) throw new Decline();
      documents[documents.length - 1]!.push({ indent, text: trimSpaces(rawLine.slice(indent)) });
    }
    // No content at all: the loader reports an empty file; leave that to it.
    if (documents.length > LIMITS.maxDocuments || documents.every((lines) => lines.length === 0)) throw new Decline();
    return documents.map((lines) => {
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
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}
