import { createHash } from "node:crypto";
import type { Rubric } from "../core/rubric.js";

/**
 * The canonical JSON of a value: object keys sorted, `undefined` fields left out, a Map written as
 * the object of its entries. Two rubrics that mean the same thing (however their files were laid
 * out, whether they spelt a default or not, through `extends` or written in full) give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
  const fields = entries
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${fields.join(",")}}`;
}

/** How many hex digits of the SHA-256 name a rubric (48 bits: no accidental collision in any archive). */
export const DIGEST_LENGTH = 12;

/**
 * A rubric's content digest: the SHA-256 of its normalised form (the loaded rubric, `extends`
 * applied and defaults filled in, as canonical JSON), first 12 hex digits. The `criteria` index
 * (a copy of what the dimensions hold) and the digest itself are left out. Two rubrics with the same
 * digest score every assessment alike; two that share `id@version` but not the digest do not.
 */
export function rubricDigest(rubric: Rubric): string {
  const { criteria: _index, digest: _digest, ...content } = rubric;
  return createHash("sha256").update(canonicalJson(content)).digest("hex").slice(0, DIGEST_LENGTH);
}

/** The digest a loaded rubric carries, computed (and kept on it) if it has none yet. */
export function digestOf(rubric: Rubric): string {
  if (rubric.digest === undefined) rubric.digest = rubricDigest(rubric);
  return rubric.digest;
}
