import { existsSync, readFileSync } from "node:fs";
import { InputError, UsageError } from "../core/problems.js";
import { loadAssessmentFile } from "../io/assessment-load.js";
import { AssessmentDraft } from "./draft.js";

/** What reading a file to resume depends on: the folder its `rubric:` may lead into (`--rubric-root`). */
export interface ResumeOptions {
  rubricRoot?: string | undefined;
}

/** A file name as a shell argument. */
export function shellArg(file: string): string {
  return /^[\w./@:-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
}

/**
 * Loads an assessment file to continue; exactly one valid assessment. Its `rubric:` is confined as in
 * every command (the file's folder, the working folder or `--rubric-root`), so a session resumed with
 * the first session's `--rubric-root` reads the same rubric.
 */
export function openDraft(file: string, options: ResumeOptions): AssessmentDraft {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist: nothing to resume`, `start it with \`egov-maturity assess --out ${shellArg(file)}\``);
  const load = loadAssessmentFile(file, options.rubricRoot !== undefined ? { rubricRoot: options.rubricRoot } : {});
  if (load.problems.length > 0) throw new InputError(load.problems);
  if (load.assessments.length !== 1) throw new UsageError(`${file} holds ${load.assessments.length} assessments; assess continues a file of one`, "split the file, one agency per file");
  const loaded = load.assessments[0]!;
  return AssessmentDraft.open(file, readFileSync(file, "utf8"), loaded.rubric, loaded.assessment);
}

/**
 * The command a user types next for a file (`assess --resume`, `report`), with `--rubric-root` when
 * the session had it: without it the file's rubric may be out of reach.
 */
export function resumeCommand(command: string, file: string, options: ResumeOptions): string {
  return `egov-maturity ${command} ${shellArg(file)}${options.rubricRoot !== undefined ? ` --rubric-root ${shellArg(options.rubricRoot)}` : ""}`;
}
