import type { Problem } from "./problems.js";

type Path = readonly (string | number)[];

/**
 * A copy of `value` without the object keys at `paths` (array items are left in place: removing one
 * would shift the positions of the rest). A file that fails its schema at a few optional keys can then
 * still have the rules the schema cannot state checked on the rest, so one pass finds every problem.
 */
export function withoutKeys(value: unknown, paths: readonly Path[]): { value: unknown; removed: Path[] } {
  const copy: unknown = structuredClone(value);
  const removed: Path[] = [];
  for (const path of paths) {
    const last = path[path.length - 1];
    if (typeof last !== "string") continue;
    let node: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[segment] : undefined;
    }
    if (node !== null && typeof node === "object" && !Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, last)) {
      delete (node as Record<string, unknown>)[last];
      removed.push(path);
    }
  }
  return { value: copy, removed };
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

// Problems that only say something is missing: after a removal they may name what was removed.
const ABOUT_ABSENCE = new Set(["MISSING_LEVELS", "MISSING_LEVEL", "NUMBER_SCORING_MISSING", "MISSING_TRANSLATION", "MISSING_KEY", "EVIDENCE_EMPTY"]);

/** The problems found on a repaired copy that are not echoes of the removal itself. */
export function beyondRemoved(problems: readonly Problem[], removed: readonly Path[]): Problem[] {
  return problems.filter((p) => {
    const path = p.path ?? [];
    return !removed.some((r) => startsWith(path, r) || (ABOUT_ABSENCE.has(p.code) && startsWith(r, path)));
  });
}

/** The paths of schema problems whose value can be set aside for a second look (not missing keys). */
export function removablePaths(problems: readonly Problem[]): Path[] {
  return problems.filter((p) => p.code !== "MISSING_KEY" && p.path !== undefined).map((p) => p.path!);
}
