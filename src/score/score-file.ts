import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { rubricKey, scoreAgency } from "./agency-result.js";
import { loadForBatch, type RubricCache } from "../io/batch-load.js";
import type { FileOutcome, RubricTable } from "./types.js";

/**
 * Loads and scores every assessment of one input file. Never throws for bad input: problems are
 * returned. The rubrics the file's agencies were scored with are added to `rubrics`.
 */
export function scoreFile(file: string, options: AssessmentLoadOptions, cache: RubricCache, rubrics: RubricTable): FileOutcome {
  const load = loadForBatch(file, options, cache);
  const agencies = load.assessments.map((a) => {
    const key = rubricKey(a.rubric);
    if (!rubrics.has(key)) rubrics.set(key, a.rubric);
    return scoreAgency(a.rubric, a.assessment, { seq: 0, file, document: a.document });
  });
  return { file, agencies, problems: load.problems };
}
