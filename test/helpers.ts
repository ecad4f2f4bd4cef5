import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Assessment } from "../src/core/assessment.js";
import type { Rubric } from "../src/core/rubric.js";
import { loadAssessmentFile } from "../src/io/assessment-load.js";
import { loadRubric } from "../src/io/rubric-load.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = `${ROOT}bin/egov-maturity.js`;

/** Runs the built CLI as a user would; stdout, stderr and the exit code. */
export function cli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...options.env },
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** A rubric by id or path (relative to the repository root); throws on problems. */
export function rubricOf(ref: string): Rubric {
  const loaded = loadRubric(ref, ROOT);
  if (!loaded.rubric) throw new Error(`rubric ${ref}: ${JSON.stringify(loaded.problem ?? loaded.problems)}`);
  return loaded.rubric;
}

/** The first assessment of a file (relative to the repository root) and its rubric; throws on problems. */
export function assessmentOf(file: string): { rubric: Rubric; assessment: Assessment } {
  const load = loadAssessmentFile(`${ROOT}${file}`);
  if (load.problems.length > 0 || !load.assessments[0]) throw new Error(`${file}: ${JSON.stringify(load.problems)}`);
  return { rubric: load.assessments[0].rubric, assessment: load.assessments[0].assessment };
}
