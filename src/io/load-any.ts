import { readSync } from "node:fs";
import { fastLoadRead, loadAssessmentFile, loadAssessmentText, type AssessmentLoad, type AssessmentLoadOptions } from "./assessment-load.js";
import { readTextFast } from "./fast-read.js";
import { decodeText, fsProblem } from "./read.js";
import { LIMITS } from "./yaml-limits.js";
import { isCsvPath, isXlsxPath } from "./input-kind.js";
import { fullPath } from "./full-path.js";

/** Standard input, read up to one byte past the size cap (so an endless pipe costs bounded memory). */
function readStdinCapped(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  while (total <= LIMITS.maxFileBytes) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((error as NodeJS.ErrnoException).code === "EOF") break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks);
}

/**
 * Loads the assessments of one input, whatever its kind: a YAML file, a CSV table (one row per agency), an
 * Excel workbook (a questionnaire of `init --format xlsx`, or a table), or `-` for standard input.
 * The one entry point for commands that read assessments (report, score, check, compare).
 */
export function loadAssessmentsAny(file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  if (file === "-") {
    let bytes: Buffer;
    try {
      bytes = readStdinCapped();
    } catch (error) {
      return { assessments: [], problems: [fsProblem(error, "<stdin>")] };
    }
    if (bytes.length > LIMITS.maxFileBytes) {
      return { assessments: [], problems: [{ code: "FILE_TOO_LARGE", severity: "error", message: `standard input holds more than the limit of ${LIMITS.maxFileBytes / 1048576} MB`, hint: "set EGOV_MATURITY_MAX_FILE_MB to raise the limit, or split the input", file: "<stdin>", line: 1, column: 1 }] };
    }
    const decoded = decodeText(bytes, "<stdin>");
    if (decoded.text === undefined) return { assessments: [], problems: decoded.problems };
    return loadAssessmentText(decoded.text, "<stdin>", options);
  }
  if (isCsvPath(file)) return fullPath().loadAssessmentCsv(file, options);
  if (isXlsxPath(file)) return fullPath().loadAssessmentXlsx(file, options);
  // The fast path first: one read into a reused buffer, the fast readers, validation without zod.
  const read = readTextFast(file);
  if (read === undefined || !read.clean) return loadAssessmentFile(file, options);
  return fastLoadRead(read, file, options);
}

/** The spreadsheet and rubric options every command that reads assessments takes, as flags in camelCase. */
export interface AssessmentInputOptions {
  /** Rubric id (`egov-maturity`, `egov-maturity@1`) or path; overrides the file's `rubric:`. */
  rubric?: string;
  /** The folder that `rubric:` paths in input files must lead into (default: the working folder). */
  rubricRoot?: string;
  /** CSV input: a mapping file (YAML) from the table's columns to agency fields and criteria. */
  mapping?: string;
  /** CSV input: `column=target` mappings, e.g. `"Online Service Index=osi"`. */
  map?: string[];
  /** CSV input: `column=value` row filters, e.g. `"year=2022"`. */
  where?: string[];
}

/** The load options of `--rubric`, `--mapping`, `--map` and `--where`. */
export function assessmentLoadOptions(options: AssessmentInputOptions): AssessmentLoadOptions {
  const load: AssessmentLoadOptions = {};
  if (options.rubric !== undefined) load.rubric = options.rubric;
  if (options.rubricRoot !== undefined) load.rubricRoot = options.rubricRoot;
  if (options.mapping !== undefined || options.map !== undefined || options.where !== undefined) {
    load.mapping = {};
    if (options.mapping !== undefined) load.mapping.file = options.mapping;
    if (options.map !== undefined) load.mapping.map = options.map;
    if (options.where !== undefined) load.mapping.where = options.where;
  }
  return load;
}
