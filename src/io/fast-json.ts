/**
 * The fast path for JSON as `JSON.stringify` writes it (compact or indented): JSON is YAML, and
 * `JSON.parse` gives the same values as the `yaml` package for it, except where YAML is stricter —
 * duplicate keys, `__proto__` and `<<` keys, keys over 1,024 characters, numbers too large to be
 * finite, escaped surrogates, control characters. On any of those it declines (undefined), like the
 * fast YAML reader, and the full parser reports the problem with its position.
 */
import { decodeBytes, hasHighBytes } from "./fast-read.js";
import { deepIndent, type SourceForm } from "./fast-yaml.js";
import { LONE_CR, REFUSED_CHARS } from "./fast-yaml-scalars.js";
import { LIMITS, nestingDepth } from "./yaml-limits.js";

/** Keys written in the text (a string followed by `:`); -1 when one is longer than 1,000 characters. */
function sourceKeys(text: string): number {
  let count = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    // The closing quote: one not preceded by an odd run of backslashes.
    let end = text.indexOf('"', i + 1);
    for (;;) {
      if (end < 0) return -1;
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    let k = end + 1;
    for (let c = text.charCodeAt(k); c === 32 || c === 10 || c === 13; c = text.charCodeAt(++k));
    if (text.charCodeAt(k) === 58) {
      if (end - i > 1000) return -1;
      count++;
    }
    i = text.indexOf('"', k);
  }
  return count;
}

/** What `visit` returns to decline. */
const DECLINE = Symbol("decline");

/**
 * One walk over the parsed value: counts its keys (into `keys.count`), declines (DECLINE) at a key
 * YAML treats differently, a number that is not finite, or nesting past the full parser's limit, and
 * — parsed from UTF-8 bytes — decodes every string and key in place (keys keep their order).
 */
function visit(value: unknown, depth: number, bytes: boolean, keys: { count: number }): unknown {
  if (typeof value === "string") return bytes && hasHighBytes(value) ? decodeBytes(value) : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : DECLINE;
  if (value === null || typeof value !== "object") return value;
  if (depth >= LIMITS.maxDepth) return DECLINE;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const seen = visit(item, depth + 1, bytes, keys);
      if (seen === DECLINE) return DECLINE;
      if (seen !== item) value[i] = seen;
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  let rename = false;
  for (const key in record) {
    if (key === "__proto__" || key === "<<") return DECLINE;
    const item = record[key];
    const seen = visit(item, depth + 1, bytes, keys);
    if (seen === DECLINE) return DECLINE;
    if (seen !== item) record[key] = seen;
    if (bytes && !rename && hasHighBytes(key)) rename = true;
    keys.count++;
  }
  if (!rename) return record;
  const out: Record<string, unknown> = {};
  for (const key in record) out[hasHighBytes(key) ? decodeBytes(key) : key] = record[key];
  return out;
}

/** The one document of a JSON object text, or undefined to decline. */
export function fastParseJson(source: string, read: SourceForm = { bytes: false, clean: false }): unknown[] | undefined {
  let i = 0;
  for (let c = source.charCodeAt(0); c === 32 || c === 10 || c === 13; c = source.charCodeAt(++i));
  if (source.charCodeAt(i) !== 123) return undefined;
  if (!read.clean && (REFUSED_CHARS.test(source) || (source.includes("\r") && LONE_CR.test(source)))) return undefined;
  // From bytes, strings are decoded after parsing: an escaped character would be decoded twice.
  if (read.bytes ? source.includes("\\u") : /\\u[dD][89abAB]/.test(source)) return undefined;
  if (deepIndent(source)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  const keys = { count: 0 };
  const seen = visit(value, 0, read.bytes, keys);
  // Fewer keys in the value than in the text: a key was written twice (YAML refuses it, JSON.parse keeps the last).
  if (seen === DECLINE || keys.count !== sourceKeys(source)) return undefined;
  // The full parser's pre-parse nesting count, which the depth above bounds, except that it can take an
  // escaped quote (\") for the end of a string and count the brackets after it: then it is taken.
  if (source.includes('\\"') && nestingDepth(source).flow > LIMITS.maxDepth) return undefined;
  return [seen];
}
