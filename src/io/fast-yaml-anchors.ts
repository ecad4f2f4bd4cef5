/**
 * Anchors and aliases of the fast YAML reader (see fast-yaml.ts): their names, and the anchors of one
 * document with the limits the full parser keeps.
 */
import { Decline } from "./fast-yaml-scalars.js";

/** [A-Za-z0-9_.-] */
function isAnchorChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/** An anchor or alias name starting at `text[at]` (after `&` or `*`): its name and the index after it. */
export function readAnchorName(text: string, at: number): { name: string; end: number } {
  let i = at;
  while (i < text.length && isAnchorChar(text.charCodeAt(i))) i++;
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
