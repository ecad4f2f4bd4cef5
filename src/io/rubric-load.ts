import { existsSync, readdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem } from "../core/problems.js";
import type { Rubric, RubricFile } from "../core/rubric.js";
import { normaliseRubric } from "../core/rubric-check.js";
import { fullPath } from "./full-path.js";
import { decodeText, readRegularBytes } from "./read.js";
import { redactReferenced } from "./rubric-identity.js";
import { confineRubricPath, shownPath, type RefProblem } from "./rubric-ref.js";
import { digestOf } from "./rubric-digest.js";
import { cachedRubric } from "./rubric-cache.js";

/** Where the built-in rubrics live: `rubrics/` at the package root. */
export const BUILTIN_RUBRICS_DIR = fileURLToPath(new URL("../../rubrics/", import.meta.url));

/** True when a rubric reference names a file rather than a built-in id. */
export function isRubricPath(ref: string): boolean {
  return ref.includes("/") || ref.includes("\\") || /\.ya?ml$/i.test(ref);
}

/** The built-in rubrics: id → file. */
export function builtinRubrics(): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(BUILTIN_RUBRICS_DIR)) return map;
  for (const name of readdirSync(BUILTIN_RUBRICS_DIR).sort()) {
    const m = /^([a-z0-9-]+)\.ya?ml$/.exec(name);
    if (m?.[1]) map.set(m[1], join(BUILTIN_RUBRICS_DIR, name));
  }
  return map;
}

interface Resolved {
  file?: string;
  problem?: RefProblem;
  /** id@version constraint to check once loaded. */
  version?: string;
}

/**
 * Resolves `id`, `id@major`, `id@version` or a path (relative to `baseDir`) to a file. With `root`,
 * the reference comes from a file and is confined (DESIGN.md §2): a path must lead, symlinks
 * resolved, to a regular file inside `root` (see io/rubric-ref.ts). Without `root` it was typed on
 * the command line by the user, and any path is taken.
 */
export function resolveRubricRef(ref: string, baseDir: string, root?: string, kind: "rubric" | "extends" = "rubric"): Resolved {
  if (isRubricPath(ref)) {
    if (root !== undefined) return confineRubricPath(ref, baseDir, root, kind);
    const file = isAbsolute(ref) ? ref : resolve(baseDir, ref);
    if (!existsSync(file)) return { problem: { code: "RUBRIC_NOT_FOUND", message: `rubric file \`${ref}\` does not exist`, hint: `looked for ${shownPath(file)}` } };
    return { file };
  }
  const [id = "", version] = ref.split("@", 2);
  const builtins = builtinRubrics();
  const file = builtins.get(id);
  if (file === undefined) {
    const names = [...builtins.keys()];
    return { problem: { code: "RUBRIC_NOT_FOUND", message: `no built-in rubric \`${id.length > 64 ? `${id.slice(0, 64)}…` : id}\``, hint: `built-in rubrics: ${names.join(", ")}; or give a path to a rubric file (ending in .yaml)` } };
  }
  // An earlier major version stays available as `<id>@<major>.yaml` beside the current one (e.g.
  // egov-maturity@1.yaml once 2.0.0 ships), so assessments written for it still score as they did.
  const major = version?.split(".")[0];
  const older = major !== undefined && /^\d+$/.test(major) ? join(BUILTIN_RUBRICS_DIR, `${id}@${major}.yaml`) : undefined;
  const resolved: Resolved = { file: older !== undefined && existsSync(older) ? older : file };
  if (version !== undefined) resolved.version = version;
  return resolved;
}

/** Whether a rubric version satisfies `@1`, `@1.2` or `@1.2.3`. */
export function versionMatches(version: string, wanted: string): boolean {
  const have = version.split("-")[0]!.split(".");
  const want = wanted.split(".");
  return want.every((part, i) => have[i] === part);
}

export interface RubricLoad {
  rubric?: Rubric;
  /** The rubric as a file-shaped object with `extends` applied (for further extension). */
  raw?: RubricFile;
  problems: Problem[];
}

const cache = new Map<string, RubricLoad>();

/** The longest chain of `extends`, counting the rubric itself and every base (DESIGN.md §7). */
export const MAX_EXTENDS_DEPTH = 16;

/** Loads and validates a rubric file, following `extends` (within its folder or to built-ins). Cached by real path. */
export function loadRubricFile(file: string, chain: string[] = []): RubricLoad {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    real = resolve(file);
  }
  if (chain.includes(real)) {
    return { problems: [{ code: "EXTENDS_CYCLE", severity: "error", message: `rubric extends itself: ${[...chain, real].map((f) => relative(process.cwd(), f) || f).join(" → ")}`, hint: "remove the `extends` that closes the loop", file, line: 1, column: 1 }] };
  }
  const cached = cache.get(real);
  if (cached) return cached;
  const result = loadRubricUncached(file, real, chain);
  if (result.rubric) digestOf(result.rubric);
  cache.set(real, result);
  return result;
}

function loadRubricUncached(file: string, real: string, chain: string[]): RubricLoad {
  // The real path is read (no symlink left to follow), never blocking, and only if it is a regular file.
  const read = readRegularBytes(real);
  if (read.bytes === undefined) return { problems: read.problems.map((p) => ({ ...p, file })) };
  // A built-in rubric is recognised by its bytes: decoding its 200 KB (Arabic: a two-byte string) is
  // needed only when it was edited since the build.
  const cached = cachedRubric(file, BUILTIN_RUBRICS_DIR, read.bytes);
  if (cached !== undefined) {
    const rubric = normaliseRubric(cached.rubric);
    rubric.digest = cached.digest;
    return { rubric, raw: cached.rubric, problems: [] };
  }
  const decoded = decodeText(read.bytes, file);
  if (decoded.text === undefined) return { problems: decoded.problems.map((p) => ({ ...p, file })) };
  return fullPath().readRubricText(decoded.text, file, real, chain);
}

/**
 * Loads a rubric by reference (`id`, `id@major`, `id@version`, or a path relative to `baseDir`).
 * With `root`, the reference comes from a file: it is confined to `root` (DESIGN.md §2), and the
 * problems of the rubric it names are returned without their wording (code and position only).
 */
export function loadRubric(ref: string, baseDir: string = process.cwd(), root?: string): RubricLoad & { file?: string; problem?: Resolved["problem"] } {
  const resolved = resolveRubricRef(ref, baseDir, root);
  if (resolved.problem) return { problems: [], problem: resolved.problem };
  const loaded = loadRubricFile(resolved.file!);
  if (loaded.rubric && resolved.version !== undefined && !versionMatches(loaded.rubric.version, resolved.version)) {
    return { problems: [], file: resolved.file!, problem: { code: "RUBRIC_VERSION_MISMATCH", message: `\`${ref}\` asks for version ${resolved.version}, but the built-in rubric is ${loaded.rubric.version}`, hint: `use \`${loaded.rubric.id}@${loaded.rubric.version.split(".")[0]}\`` } };
  }
  const problems = root !== undefined ? redactReferenced(loaded.problems) : loaded.problems;
  return { ...loaded, problems, file: resolved.file! };
}

/**
 * The rubric of an assessment document: `--rubric` (typed by the user: relative to the working
 * folder, not confined), else the document's `rubric:` (relative to the file's folder, confined to
 * the working tree or `rubricRoot`).
 */
export function loadAssessmentRubric(ref: string, file: string, options: { rubric?: string; rubricRoot?: string }): ReturnType<typeof loadRubric> {
  if (options.rubric !== undefined) return loadRubric(ref, process.cwd());
  return loadRubric(ref, dirname(resolve(file)), resolve(options.rubricRoot ?? process.cwd()));
}
