import { Anchors, Decline, INDICATOR_START, keyOf, MAX_DEPTH, readAnchorName, readQuoted, resolvePlain, setKey, trimSpaces } from "./fast-yaml-scalars.js";

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
    return resolvePlain(this.plain());
  }

  /** A plain scalar in flow context: ends at `,` `]` `}` or `: `; a ` #` comment declines. */
  private plain(): string {
    const start = this.i;
    const t = this.text;
    const first = t[start];
    const second = t[start + 1];
    // A `-` alone (`{na: -}`, `[-]`) is no plain scalar in a flow collection: the full parser refuses it.
    const loneDash = first === "-" && (second === undefined || second === " " || second === "," || second === "]" || second === "}" || second === "[" || second === "{");
    if (first === undefined || INDICATOR_START.test(t.slice(start, start + 1)) || loneDash) {
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
      // After a quoted ("JSON-like") key the value may follow the `:` directly: {"level":3}.
      const jsonLike = ch === '"' || ch === "'";
      if (jsonLike) {
        const q = readQuoted(this.text, this.i);
        key = keyOf(q.value, true, q.end - this.i);
        this.i = q.end;
      } else {
        const plain = this.plain();
        if (plain === "") throw new Decline();
        key = keyOf(plain, false);
      }
      this.spaces();
      if (this.text[this.i] !== ":") throw new Decline();
      this.i++;
      const next = this.text[this.i];
      if (next !== " " && !(jsonLike && next !== undefined && next !== "," && next !== "}" && next !== "#")) throw new Decline();
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

