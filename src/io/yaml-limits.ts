/**
 * What one file may cost, and the cheap nesting bound checked before any parse: apart from the YAML
 * parser (io/yaml.ts), so that the fast readers load without it.
 */

/** Caps on what one file may cost. */
export const LIMITS = {
  /** Bytes of one input file. Raise with EGOV_MATURITY_MAX_FILE_MB. */
  maxFileBytes: maxFileMegabytes(process.env.EGOV_MATURITY_MAX_FILE_MB) * 1024 * 1024,
  /** Alias expansions per document (billion-laughs guard). */
  maxAliasCount: 100,
  /** Nesting depth of collections. */
  maxDepth: 64,
  /** Documents in one stream. */
  maxDocuments: 100_000,
  /**
   * Values in one file, counted as {@link valuesPastLimit} does (an upper bound): the fast readers
   * hold a few dozen bytes a value. An assessment holds some 500 to 3,000; a stream of hundreds of
   * them fits.
   */
  maxValues: 500_000,
  /**
   * Values in one file that the parser with positions takes (to place problems at their lines): it
   * holds about 1 KB a value, so this keeps any file within the budget of DESIGN.md §7 (2 s, 300 MB),
   * where 7 million one-letter evidence texts in 14 MB took 40 s and 4.4 GB, then crashed. A larger
   * file is read only by the fast readers: when it is valid.
   */
  maxPlacedValues: 100_000,
};

/**
 * Where a text holds more than `max` values: the offset of the character that passes the limit, else
 * -1. Counted without parsing, as line ends and the characters `,` `[` `{` `:` `-` `?`: every YAML or
 * JSON value past the first stands after one of them, so this bounds the values from above, and no
 * quote, comment or block scalar can hide any (it counts through them all). A text no longer than the
 * limit cannot pass it and is not scanned (a batch's files cost nothing).
 */
export function valuesPastLimit(text: string, max: number = LIMITS.maxValues): number {
  if (text.length <= max) return -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , [ { : - ?
    if ((c === 10 || c === 44 || c === 91 || c === 123 || c === 58 || c === 45 || c === 63) && ++count > max) return i;
  }
  return -1;
}

/** The size cap in MB from the environment: a positive number, else the default 16 (a typo must not lift the cap). */
function maxFileMegabytes(value: string | undefined): number {
  const mb = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(mb) && mb > 0 ? mb : 16;
}

/**
 * Deepest nesting of flow collections (`[` / `{`), and the deepest indentation of a line (counting
 * the `- ` and `? ` indicators that open nested block collections on one line): a cheap pre-parse
 * bound. `flowAt` / `indentAt` are the offsets where each deepest point was first reached.
 */
export function nestingDepth(text: string): { flow: number; indent: number; flowAt: number; indentAt: number } {
  let depth = 0;
  let flow = 0;
  let flowAt = 0;
  let indentAt = 0;
  let inQuote: string | null = null;
  let indent = 0;
  let lineStart = true;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      lineStart = true;
      column = 0;
      if (inQuote === "'") continue;
      continue;
    }
    if (lineStart) {
      if (ch === " " || ch === "-" || ch === "?") {
        column++;
        continue;
      }
      lineStart = false;
      if (ch !== "#" && column > indent) {
        indent = column;
        indentAt = i;
      }
    }
    if (inQuote) {
      if (ch === inQuote) inQuote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const prev = text[i - 1];
      // A quote opens a scalar only where a scalar starts: after `:`, `-`, `?`, `[`, `{`, `,` or at the line's start.
      let k = i - 1;
      while (k >= 0 && (text[k] === " " || text[k] === "\t")) k--;
      const before = text[k];
      if (before === undefined || "\n[{,:-?".includes(before)) inQuote = ch;
    } else if (ch === "#") {
      const prev = text[i - 1];
      if (prev === undefined || prev === " " || prev === "\n") {
        const nl = text.indexOf("\n", i);
        i = nl < 0 ? text.length : nl - 1;
      }
    } else if (ch === "[" || ch === "{") {
      depth++;
      if (depth > flow) {
        flow = depth;
        flowAt = i;
      }
    } else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
  }
  return { flow, indent, flowAt, indentAt };
}
