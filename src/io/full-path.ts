/**
 * The full path's modules — the YAML parser that keeps source positions, the zod schemas that word a
 * problem, the readers of spreadsheets — loaded when first needed. The fast readers score a valid file
 * without them, and loading them costs more than scoring one file (some 570 KB of code: zod and
 * `yaml`), so `score` of a few valid files never loads them. The library entry and every other
 * command load them before they start; `scoreFile` turns a need met before they are loaded into a
 * deferred outcome, which the batch scores again once they are (score/pool.ts).
 */
import type * as Modules from "./full-path-modules.js";

/** The full path's entry points (io/full-path-modules.ts). */
export type FullPath = typeof Modules;

let loaded: FullPath | undefined;

/** Thrown where the full path is needed before it is loaded: a deferred file, never an error of the input. */
export class FullPathNotLoaded extends Error {
  constructor() {
    super("internal: the full path was needed before it was loaded (await loadFullPath() first)");
    this.name = "FullPathNotLoaded";
  }
}

/** Loads the full path's modules (once). */
export async function loadFullPath(): Promise<FullPath> {
  return (loaded ??= await import("./full-path-modules.js"));
}

/** The full path's modules; throws {@link FullPathNotLoaded} when they are not loaded yet. */
export function fullPath(): FullPath {
  if (loaded === undefined) throw new FullPathNotLoaded();
  return loaded;
}

/** True once the full path's modules are loaded. */
export function fullPathLoaded(): boolean {
  return loaded !== undefined;
}

/** Hands over the modules already loaded by a static import (the library entry). */
export function provideFullPath(modules: FullPath): void {
  loaded ??= modules;
}
