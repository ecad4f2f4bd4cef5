import type { AssessmentLoadOptions, LoadedAssessment } from "../io/assessment-load.js";
import { isCsvPath } from "../io/input-kind.js";
import { fullPath, FullPathNotLoaded } from "../io/full-path.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { readTextFile } from "../io/read.js";
import { rubricKey, scoreAgency } from "./agency-result.js";
import type { FileOutcome, RubricTable, ScoredAgency } from "./types.js";

/**
 * Loads (with the one loader every command uses) and scores every assessment of one input file.
 * Never throws for bad input: problems are returned. The rubrics the file's agencies were scored
 * with are added to `rubrics`; pass a `rubricCache` in the options to resolve each rubric once.
 * A table is scored row by row as it is read: only the compact results are kept. A file that needs
 * the full path before it is loaded comes back `deferred` (see io/full-path.ts).
 */
export function scoreFile(file: string, options: AssessmentLoadOptions, rubrics: RubricTable): FileOutcome {
  try {
    return scoreLoaded(file, options, rubrics);
  } catch (error) {
    if (error instanceof FullPathNotLoaded) return { file, agencies: [], problems: [], deferred: true };
    throw error;
  }
}

function scoreLoaded(file: string, options: AssessmentLoadOptions, rubrics: RubricTable): FileOutcome {
  const score = (a: LoadedAssessment): ScoredAgency => {
    const key = rubricKey(a.rubric);
    if (!rubrics.has(key)) rubrics.set(key, a.rubric);
    return scoreAgency(a.rubric, a.assessment, { seq: 0, file, document: a.document });
  };
  if (file !== "-" && isCsvPath(file)) {
    const read = readTextFile(file);
    if (read.text === undefined) return { file, agencies: [], problems: read.problems };
    const agencies: ScoredAgency[] = [];
    const { problems, rejected } = fullPath().loadAssessmentCsvRows(read.text, file, options, (a) => agencies.push(score(a)));
    return { file, agencies: rejected ? [] : agencies, problems };
  }
  // A batch shows no evidence or notes: the answers keep only what scores need.
  const load = loadAssessmentsAny(file, options.scoresOnly === true ? options : { ...options, scoresOnly: true });
  return { file, agencies: load.assessments.map(score), problems: load.problems };
}
