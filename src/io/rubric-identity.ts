import { realpathSync } from "node:fs";
import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { digestOf } from "./rubric-digest.js";
import { isInside, shownPath } from "./rubric-ref.js";

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * A rubric read from a file may not pass for a built-in one (DESIGN.md §2, Identity): if it carries
 * the id of a built-in rubric and differs from it in content (digest), it is `RUBRIC_ID_TAKEN` at
 * its `id:`. An identical copy is the built-in rubric and is allowed. `load` loads a built-in file.
 */
export function checkIdentity(rubric: Rubric, file: string, builtinFile: string | undefined, builtinDir: string, load: (builtin: string) => Rubric | undefined): Problem | undefined {
  if (builtinFile === undefined || isInside(real(file), real(builtinDir))) return undefined;
  const builtin = load(builtinFile);
  if (builtin === undefined || digestOf(builtin) === digestOf(rubric)) return undefined;
  return {
    code: "RUBRIC_ID_TAKEN",
    severity: "error",
    message: `\`${rubric.id}\` is the id of a built-in rubric, and this rubric differs from it (digest ${digestOf(rubric)}, built-in ${digestOf(builtin)})`,
    hint: `give this rubric its own id, or write \`extends: ${rubric.id}\` with only what changes`,
    path: ["id"],
  };
}

/**
 * The problems of a rubric reached through a reference (`rubric:`, `extends:`), without a word of
 * its content: each keeps its code, file and position, and says where to look. Only the files a
 * user names as inputs have their texts quoted (DESIGN.md §7).
 */
export function redactReferenced(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => {
    const shown = p.file === undefined ? undefined : shownPath(p.file);
    const out: Problem = { code: p.code, severity: p.severity, message: "a problem in the referenced rubric (its text is not shown)", hint: `run \`egov-maturity validate ${shown ?? "<the rubric>"}\` to see it` };
    if (shown !== undefined) out.file = shown;
    if (p.line !== undefined) out.line = p.line;
    if (p.column !== undefined) out.column = p.column;
    if (p.document !== undefined) out.document = p.document;
    return out;
  });
}
