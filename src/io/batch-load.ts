import { dirname, resolve } from "node:path";
import { AssessmentSchema, checkAssessment, type Assessment } from "../core/assessment.js";
import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import type { AssessmentLoadOptions } from "./assessment-load.js";
import { loadAssessmentsAny } from "./load-any.js";
import { readTextFile } from "./read.js";
import { loadAssessmentRubric } from "./rubric-load.js";
import { fastParseYaml } from "./fast-yaml.js";

/** One valid assessment of a file, with its rubric. */
export interface BatchAssessment {
  document: number;
  assessment: Assessment;
  rubric: Rubric;
}

/** Rubrics resolved so far, by base directory and reference (a batch resolves each once). */
export type RubricCache = Map<string, Rubric | null>;

const YAML_FILE = /\.ya?ml$/i;

/**
 * Loads the assessments of one batch input. Valid YAML files in the plain subset take a fast path
 * (fast parse, then the same schema, rubric and answer checks as the loader); anything else — another
 * format, standard input, any problem at all — goes through `loadAssessmentsAny`, which owns every
 * error message and position. The fast path only ever accepts what the loader accepts, with the same values.
 */
export function loadForBatch(file: string, options: AssessmentLoadOptions, cache: RubricCache): { assessments: BatchAssessment[]; problems: Problem[] } {
  if (file !== "-" && YAML_FILE.test(file)) {
    const read = readTextFile(file);
    if (read.text === undefined) return { assessments: [], problems: read.problems };
    const values = fastParseYaml(read.text);
    const fast = values === undefined ? undefined : fromValues(values, file, options, cache);
    if (fast !== undefined) return { assessments: fast, problems: [] };
  }
  const load = loadAssessmentsAny(file, options);
  return { assessments: load.assessments.map((a) => ({ document: a.document, assessment: a.assessment, rubric: a.rubric })), problems: load.problems };
}

/** Validates fast-parsed documents; undefined as soon as any would have a problem (the loader then reports it). */
function fromValues(values: unknown[], file: string, options: AssessmentLoadOptions, cache: RubricCache): BatchAssessment[] | undefined {
  const out: BatchAssessment[] = [];
  for (let document = 0; document < values.length; document++) {
    const value = values[document];
    if (value === null || value === undefined) continue;
    const parsed = AssessmentSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const ref = options.rubric ?? parsed.data.rubric;
    if (ref === undefined) return undefined;
    const baseDir = options.rubric !== undefined ? process.cwd() : dirname(resolve(file));
    const key = `${baseDir}\u0000${ref}`;
    let rubric = cache.get(key);
    if (rubric === undefined) {
      rubric = loadAssessmentRubric(ref, file, options).rubric ?? null;
      cache.set(key, rubric);
    }
    if (rubric === null) return undefined;
    const checked = checkAssessment(parsed.data, rubric);
    if (checked.problems.length > 0) return undefined;
    out.push({ document, assessment: checked.assessment, rubric });
  }
  return out.length > 0 ? out : undefined;
}
