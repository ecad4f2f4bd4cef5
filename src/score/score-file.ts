import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { rubricKey, scoreAgency } from "./agency-result.js";
import type { FileOutcome, RubricTable } from "./types.js";

/**
 * Loads (with the one loader every command uses) and scores every assessment of one input file.
 * Never throws for bad input: problems are returned. The rubrics the file's agencies were scored
 * with are added to `rubrics`; pass a `rubricCache` in the options to resolve each rubric once.
 */
export function scoreFile(file: string, options: AssessmentLoadOptions, rubrics: RubricTable): FileOutcome {
  const load = loadAssessmentsAny(file, options);
  const agencies = load.assessments.map((a) => {
    const key = rubricKey(a.rubric);
    if (!rubrics.has(key)) rubrics.set(key, a.rubric);
    return scoreAgency(a.rubric, a.assessment, { seq: 0, file, document: a.document });
  });
  return { file, agencies, problems: load.problems };
}
