import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { RubricFile } from "../core/rubric.js";
import { writeFileAtomic } from "./write.js";

/**
 * Built-in rubrics are validated once, at build time, and kept as JSON beside the code: parsing a
 * large YAML rubric costs far more than the rest of a one-file report. A cache entry is used only
 * when the SHA-256 of the YAML source still matches, so an edited rubric is always read afresh.
 */
export const RUBRIC_CACHE_DIR = fileURLToPath(new URL("../rubric-cache/", import.meta.url));

interface CacheEntry {
  sha256: string;
  rubric: RubricFile;
  /** The loaded rubric's digest (rubric-digest.ts), computed at build time: hashing it costs every start. */
  digest: string;
}

function entryPath(file: string): string {
  return join(RUBRIC_CACHE_DIR, `${basename(file).replace(/\.ya?ml$/i, "")}.json`);
}

/**
 * The digest of a rubric's source: the SHA-256 of its text in UTF-8 without a byte-order mark. Given
 * the file's bytes, the same digest without decoding them (for valid UTF-8; bytes that are not valid
 * UTF-8 match no digest of a text).
 */
export function sourceDigest(source: string | Uint8Array): string {
  if (typeof source === "string") return createHash("sha256").update(source).digest("hex");
  const bom = source.length >= 3 && source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf;
  return createHash("sha256").update(bom ? source.subarray(3) : source).digest("hex");
}

/** The validated rubric of a built-in file whose source (text or bytes) is unchanged, and its digest; undefined otherwise. */
export function cachedRubric(file: string, builtinDir: string, text: string | Uint8Array): { rubric: RubricFile; digest: string } | undefined {
  if (resolve(dirname(file)) !== resolve(builtinDir)) return undefined;
  const path = entryPath(file);
  if (!existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, "utf8")) as CacheEntry;
    return entry.sha256 === sourceDigest(text) && typeof entry.digest === "string" ? { rubric: entry.rubric, digest: entry.digest } : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a validated built-in rubric (build time). */
export function storeRubric(file: string, text: string, rubric: RubricFile, digest: string): void {
  mkdirSync(RUBRIC_CACHE_DIR, { recursive: true });
  writeFileAtomic(entryPath(file), JSON.stringify({ sha256: sourceDigest(text), rubric, digest } satisfies CacheEntry));
}
