import type { BaselineEntry } from "../io/baseline.js";

/** A checked agency as identity sees it: its id, its file's key and its document in the file. */
export interface HeadIdentity {
  id: string;
  key: string;
  document: number;
}

/** How a checked agency found its accepted version. */
export type BaselineMatch = { by: "id"; entry: BaselineEntry } | { by: "file"; entry: BaselineEntry } | { by: "none" };

/**
 * Matches checked agencies with their accepted versions by agency id, then by file: an agency whose id
 * is new but whose file held an accepted agency that is gone from the head is that agency with a
 * changed id. Accepted agencies matched by neither are removed (unless their file is invalid now:
 * then the file's problems already fail the check).
 */
export function matchBaseline(heads: readonly HeadIdentity[], entries: readonly BaselineEntry[], invalidKeys: ReadonlySet<string>): { matches: BaselineMatch[]; removed: BaselineEntry[] } {
  const headIds = new Set(heads.map((h) => h.id));
  const byId = new Map<string, BaselineEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  const taken = new Set<string>();
  const matches: BaselineMatch[] = heads.map((h) => {
    const entry = byId.get(h.id);
    if (entry === undefined) return { by: "none" };
    taken.add(h.id);
    return { by: "id", entry };
  });
  heads.forEach((h, i) => {
    if (matches[i]!.by !== "none") return;
    const candidates = entries.filter((e) => e.key === h.key && !headIds.has(e.id) && !taken.has(e.id));
    const entry = candidates.find((e) => e.loaded.document === h.document) ?? candidates[0];
    if (entry === undefined) return;
    taken.add(entry.id);
    matches[i] = { by: "file", entry };
  });
  const removed: BaselineEntry[] = [];
  for (const e of byId.values()) if (!headIds.has(e.id) && !taken.has(e.id) && !invalidKeys.has(e.key)) removed.push(e);
  return { matches, removed };
}
