import type { AssessmentLoadOptions, LoadedAssessment } from "../io/assessment-load.js";
import { csvRecords } from "../io/csv.js";
import { isCsvPath, loadAssessmentCsvRows } from "../io/csv-load.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { readTextFile } from "../io/read.js";
import { rubricKey, scoreAgency } from "./agency-result.js";
import type { FileOutcome, RubricTable, ScoredAgency } from "./types.js";

/**
 * Loads (with the one loader every command uses) and scores every assessment of one input file.
 * Never throws for bad input: problems are returned. The rubrics the file's agencies were scored
 * with are added to `rubrics`; pass a `rubricCache` in the options to resolve each rubric once.
 * A table is scored row by row as it is read: only the compact results are kept.
 */
export function scoreFile(file: string, options: AssessmentLoadOptions, rubrics: RubricTable): FileOutcome {
  const score = (a: LoadedAssessment): ScoredAgency => {
    const key = rubricKey(a.rubric);
    if (!rubrics.has(key)) rubrics.set(key, a.rubric);
    return scoreAgency(a.rubric, a.assessment, { seq: 0, file, document: a.document });
  };
  if (file !== "-" && isCsvPath(file)) {
    const read = readTextFile(file);
    if (read.text === undefined) return { file, agencies: [], problems: read.problems };
    const agencies: ScoredAgency[] = [];
    const { problems, rejected } = loadAssessmentCsvRows(read.text, file, options, (a) => agencies.push(score(a)));
    return { file, agencies: rejected ? [] : agencies, problems };
  }
  // A batch shows no evidence or notes: the answers keep only what scores need.
  const load = loadAssessmentsAny(file, options.scoresOnly === true ? options : { ...options, scoresOnly: true });
  return { file, agencies: load.assessments.map(score), problems: load.problems };
}

/** Agencies of a table handed over at a time when it is scored as it streams. */
const TABLE_CHUNK = 1024;

/**
 * Scores a table (CSV) in this thread, handing its agencies to `onOutcome` as they are scored, a chunk
 * at a time (`more: true` on all but the last), so that memory does not grow with the table. A syntax
 * problem anywhere rejects the whole table, as `scoreFile` does: the table is checked for one first.
 */
export function scoreTableStreaming(file: string, options: AssessmentLoadOptions, rubrics: RubricTable, onOutcome: (outcome: FileOutcome) => void): void {
  const read = readTextFile(file);
  if (read.text === undefined) return onOutcome({ file, agencies: [], problems: read.problems });
  const syntax: FileOutcome["problems"] = [];
  for (const _record of csvRecords(read.text, file, syntax));
  if (syntax.length > 0) return onOutcome({ file, agencies: [], problems: syntax });
  let chunk: ScoredAgency[] = [];
  const { problems } = loadAssessmentCsvRows(read.text, file, options, (a) => {
    const key = rubricKey(a.rubric);
    if (!rubrics.has(key)) rubrics.set(key, a.rubric);
    chunk.push(scoreAgency(a.rubric, a.assessment, { seq: 0, file, document: a.document }));
    if (chunk.length === TABLE_CHUNK) {
      onOutcome({ file, agencies: chunk, problems: [], more: true });
      chunk = [];
    }
  });
  onOutcome({ file, agencies: chunk, problems });
}
