import type { Problem } from "../core/problems.js";
import type { AssessmentLoad, AssessmentLoadOptions, LoadedAssessment } from "./assessment-load.js";
import { csvRecords, type CsvRecord } from "./csv.js";
import { tableContext } from "./csv-columns.js";
import { loadCsvMapping } from "./csv-mapping.js";
import { checkRow, readRow, TableRows } from "./csv-row.js";
import { readTextFile } from "./read.js";
import { loadRubric } from "./rubric-load.js";

export { CSV_NA_REASON, slugId } from "./csv-row.js";

/** True when a path names a spreadsheet (CSV) input. */
export { isCsvPath } from "./input-kind.js";

/** Reads assessments from CSV text: one per row, through the mapping. Never throws for bad input. */
export function loadAssessmentCsvText(text: string, file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  const assessments: LoadedAssessment[] = [];
  const { problems, rejected } = loadAssessmentCsvRows(text, file, options, (a) => assessments.push(a));
  return { assessments: rejected ? [] : assessments, problems };
}

/**
 * The rows of a CSV table one by one: each valid row's assessment is handed to `onRow` as soon as it is
 * read, so that a large table is never held whole (cells, documents or assessments). `rejected`: the
 * table has a syntax problem, and every row handed over must be dropped (the problems say why).
 */
export function loadAssessmentCsvRows(text: string, file: string, options: AssessmentLoadOptions, onRow: (assessment: LoadedAssessment) => void): { problems: Problem[]; rejected: boolean } {
  const { mapping, problems: mappingProblems } = loadCsvMapping(options.mapping ?? {}, options.rubric);
  if (mappingProblems.length > 0) return { problems: mappingProblems, rejected: true };
  const csvProblems: Problem[] = [];
  const records = csvRecords(text, file, csvProblems);
  // A syntax problem anywhere in the table comes before any other: the rest is read to find one.
  const fail = (problems: Problem[]) => {
    for (const _record of records);
    return { problems: csvProblems.length > 0 ? csvProblems : problems, rejected: true };
  };
  const headerRecord = nextRecord(records);
  const firstRow = nextRecord(records);
  if (headerRecord === undefined || firstRow === undefined) {
    return fail([{ code: "EMPTY_FILE", severity: "error", message: headerRecord === undefined ? "the table is empty" : "the table has a header but no rows", hint: "one row per agency, under a header naming the columns", file, line: 1, column: 1 }]);
  }
  if (mapping.rubric === undefined) {
    return fail([{ code: "RUBRIC_MISSING", severity: "error", message: "a table names no rubric", hint: "pass `--rubric <id or path>`, or give `rubric:` in the mapping file", file, line: 1, column: 1 }]);
  }
  const loaded = loadRubric(mapping.rubric);
  if (loaded.problem) return fail([{ ...loaded.problem, severity: "error", file: options.mapping?.file ?? file, line: 1, column: 1 }]);
  if (!loaded.rubric) return fail(loaded.problems);
  const rubric = loaded.rubric;
  const context = tableContext(headerRecord.cells, mapping, rubric, mapping.rubric, file);
  if (!context.table) return fail(context.problems);
  const table = context.table;
  const problems: Problem[] = [];

  const rows = new TableRows(file);
  const eachRow = (row: CsvRecord) => {
    const read = readRow(row, table);
    if (read === undefined) return;
    if (read.kind === "problems") {
      problems.push(...read.problems);
      return;
    }
    const taken = rows.claim(read);
    if (taken) {
      problems.push(taken);
      return;
    }
    const checked = checkRow(read, table);
    problems.push(...checked.problems);
    if (checked.loaded) {
      checked.loaded.document = rows.next();
      onRow(checked.loaded);
    }
  };
  eachRow(firstRow);
  for (const row of records) eachRow(row);
  if (csvProblems.length > 0) return { problems: csvProblems, rejected: true };
  if (problems.length === 0 && rows.count === 0) problems.push(noRowSelected(mapping.where, file));
  return { problems, rejected: false };
}

/** The problem of a table whose rows the row filter all leaves out. */
export function noRowSelected(where: ReadonlyMap<string, { header: string; values: readonly string[] }>, file: string): Problem {
  return { code: "CSV_NO_ROWS_SELECTED", severity: "error", message: "no row of the table matches the row filter", hint: [...where.values()].map((w) => `${w.header} = ${w.values.join(" or ")}`).join("; "), file, line: 1, column: 1 };
}

function nextRecord(records: Iterator<CsvRecord>): CsvRecord | undefined {
  const next = records.next();
  return next.done ? undefined : next.value;
}

/** Reads and validates every row of a CSV file as an assessment. Never throws for bad input. */
export function loadAssessmentCsv(file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  const read = readTextFile(file);
  if (read.text === undefined) return { assessments: [], problems: read.problems };
  return loadAssessmentCsvText(read.text, file, options);
}
