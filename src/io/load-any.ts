import { readFileSync } from "node:fs";
import { loadAssessmentFile, loadAssessmentText, type AssessmentLoad, type AssessmentLoadOptions } from "./assessment-load.js";
import { isCsvPath, loadAssessmentCsv } from "./csv-load.js";
import { decodeText, fsProblem } from "./read.js";

/**
 * Loads the assessments of one input, whatever its kind: a YAML file, a CSV table (one row per agency), or `-` for standard input.
 * The one entry point for commands that read assessments (report, score, check, compare).
 */
export function loadAssessmentsAny(file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  if (file === "-") {
    let bytes: Buffer;
    try {
      bytes = readFileSync(0);
    } catch (error) {
      return { assessments: [], problems: [fsProblem(error, "<stdin>")] };
    }
    const decoded = decodeText(bytes, "<stdin>");
    if (decoded.text === undefined) return { assessments: [], problems: decoded.problems };
    return loadAssessmentText(decoded.text, "<stdin>", options);
  }
  if (isCsvPath(file)) return loadAssessmentCsv(file, options);
  return loadAssessmentFile(file, options);
}
