import { Anchors, readAnchorName } from "./fast-yaml-anchors.js";
import { Decline, isIndicator, keyOf, MAX_DEPTH, quoted, readQuoted, resolvePlain, seen, setKey, trimSpaces } from "./fast-yaml-scalars.js";
import { skipEvidence, skipNotes, SKIPPED_EVIDENCE, SKIPPED_NOTES } from "./fast-yaml-skip.js";

/** One-line flow collections: `{a: 1, b: [x, "y"]}`. */
export class FlowReader {
  i: number;
  constructor(
    readonly text: string,
    start: number,
    private readonly anchors: Anchors,
  ) {
    this.i = start;
  }

  private spaces(): void {
    const text = this.text;
    let i = this.i;
    while (text.charCodeAt(i) === 32) i++;
    this.i = i;
  }

  node(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Decline();
    this.spaces();
    const ch = this.text[this.i];
    if (ch === "{") return this.map(depth);
    if (ch === "[") return this.seq(depth);
    if (ch === '"' || ch === "'") {
      const value = readQuoted(this.text, this.i);
      this.i = quoted.end;
      return value;
    }
    if (ch === "*") {
      const { name, end } = readAnchorName(this.text, this.i + 1);
      this.i = end;
      return this.anchors.alias(name);
    }
    if (ch === "&") {
      const { name, end } = readAnchorName(this.text, this.i + 1);
      if (this.text[end] !== " ") throw new Decline();
      this.i = end;
      this.anchors.begin();
      return this.anchors.define(name, this.node(depth));
    }
    return resolvePlain(this.plain(), false);
  }

  /** A plain scalar in flow context: ends at `,` `]` `}` or `: `; a ` #` comment declines. */
  private plain(): string {
    const start = this.i;
    const t = this.text;
    const n = t.length;
    // Character codes (NaN past the end): no one-character string per character.
    const first = t.charCodeAt(start);
    const second = t.charCodeAt(start + 1);
    // A `-` alone (`{na: -}`, `[-]`) is no plain scalar in a flow collection: the full parser refuses it.
    const loneDash = first === 45 && (start + 1 >= n || second === 32 || second === 44 || second === 93 || second === 125 || second === 91 || second === 123);
    if (start >= n || isIndicator(first) || loneDash) {
      // An empty value (`{a: }`) is fine; other indicators are not.
      if (first === 44 || first === 125 || first === 93) return "";
      throw new Decline();
    }
    let i = start;
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c === 44 || c === 93 || c === 125 || c === 91 || c === 123) break;
      if (c === 58) {
        const d = t.charCodeAt(i + 1);
        if (i + 1 >= n || d === 32 || d === 44 || d === 93 || d === 125) break;
      }
      if (c === 35 && t.charCodeAt(i - 1) === 32) throw new Decline();
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
      // After a quoted ("JSON-like") key the value may follow the `:` directly: {"level":3}.
      const jsonLike = ch === '"' || ch === "'";
      if (jsonLike) {
        const q = readQuoted(this.text, this.i);
        key = keyOf(q, true, quoted.end - this.i);
        this.i = quoted.end;
      } else {
        const plain = this.plain();
        if (plain === "") throw new Decline();
        key = keyOf(plain, false, plain.length, false);
      }
      this.spaces();
      if (this.text[this.i] !== ":") throw new Decline();
      this.i++;
      const next = this.text[this.i];
      if (next !== " " && !(jsonLike && next !== undefined && next !== "," && next !== "}" && next !== "#")) throw new Decline();
      const skipped = seen.scoresOnly && (key === "evidence" || key === "notes") && depth + 3 <= MAX_DEPTH ? this.skipped(key) : undefined;
      setKey(out, key, skipped !== undefined ? skipped : this.node(depth + 1));
      this.spaces();
      const sep = this.text[this.i];
      this.i++;
      if (sep === "}") return out;
      if (sep !== ",") throw new Decline();
      this.spaces();
      if (this.text[this.i] === "}") throw new Decline();
    }
  }

  /**
   * A batch's `evidence` or `notes` value, checked and not built (fast-yaml-skip.ts): what it reads as,
   * with the reader moved past it; or undefined, the reader where it was, to read it as any other.
   */
  private skipped(key: "evidence" | "notes"): unknown {
    this.spaces();
    const end = key === "evidence" ? (this.text.charCodeAt(this.i) === 91 ? skipEvidence(this.text, this.i) : -1) : skipNotes(this.text, this.i);
    if (end < 0) return undefined;
    this.i = end;
    return key === "evidence" ? SKIPPED_EVIDENCE : SKIPPED_NOTES;
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

