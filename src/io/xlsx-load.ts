import type { Problem } from "../core/problems.js";
import type { AssessmentLoad, AssessmentLoadOptions } from "./assessment-load.js";
import { loadAssessmentCsvText } from "./csv-load.js";
import { cellText, onSheet, problemAtCell, westernDigits } from "./xlsx-cells.js";
import { MARKER_SHEET } from "./xlsx-marker.js";
import { loadQuestionnaire } from "./xlsx-questionnaire.js";
import { openWorkbook, type WorkbookFile } from "./xlsx-read.js";

export { isXlsxPath } from "./xlsx-read.js";

/** The marker sheet's key/value rows, when the workbook has one. */
function readMarker(workbook: WorkbookFile): Map<string, string> | undefined {
  if (!workbook.sheets.some((s) => s.name === MARKER_SHEET)) return undefined;
  const cells = workbook.cells(MARKER_SHEET).cells;
  if (!cells) return undefined;
  const marker = new Map<string, string>();
  for (const [, line] of [...cells].sort((a, b) => a[0] - b[0])) {
    const key = line.get(1)?.value;
    const value = line.get(2)?.value;
    if (typeof key === "string" && key !== "" && value !== null && value !== undefined) marker.set(key, String(value));
  }
  return marker.has("kind") ? marker : undefined;
}

/**
 * Reads the first visible sheet of a table workbook as the CSV loader reads a table: the header
 * row names the columns (with the same mapping options), one agency per row. Every problem is
 * placed at its cell. A formula anywhere in the table is an error at its cell.
 */
function loadTable(workbook: WorkbookFile, options: AssessmentLoadOptions): AssessmentLoad {
  const file = workbook.file;
  const sheet = workbook.sheets.find((s) => s.state === "visible" && s.name !== MARKER_SHEET);
  if (sheet === undefined) return { assessments: [], problems: [{ code: "XLSX_NOT_A_WORKBOOK", severity: "error", message: "the workbook has no visible sheet", file, line: 1, column: 1 }] };
  const read = workbook.cells(sheet.name);
  if (!read.cells) return { assessments: [], problems: read.problem ? [read.problem] : [] };
  const problems: Problem[] = [];
  const rows = read.cells;
  const lastRow = Math.max(0, ...rows.keys());
  const lastCol = Math.max(0, ...[...rows.values()].flatMap((line) => [...line.keys()]));
  if (lastRow * lastCol > 4_000_000) return { assessments: [], problems: [{ code: "XLSX_TOO_LARGE", severity: "error", message: `the table spans ${lastRow} rows × ${lastCol} columns; the limit is 4,000,000 cells`, file, sheet: sheet.name, line: lastRow, column: lastCol }] };
  const lines: string[] = [];
  for (let row = 1; row <= lastRow; row++) {
    const line = rows.get(row);
    if (!line || [...line.values()].every((c) => c.value === null && !c.formula)) {
      lines.push("");
      continue;
    }
    const fields: string[] = [];
    for (let col = 1; col <= lastCol; col++) {
      const cell = line.get(col);
      if (cell?.formula) problems.push(problemAtCell(file, { sheet: sheet.name, row, col }, "XLSX_FORMULA", "the cell holds a formula; the table must hold typed values (formulas are never evaluated)", "paste the table as values (Paste Special › Values) and save again"));
      let text = cellText(cell, workbook.dateStyles);
      // A number written in Arabic-Indic digits reads as the number (a name made of digits alone is not a name).
      if (/^\s*[+-]?[\u0660-\u0669\u06f0-\u06f9]+([\u066b.][\u0660-\u0669\u06f0-\u06f9]+)?\s*$/.test(text)) text = westernDigits(text);
      fields.push(`"${text.replace(/[\r\n]+/g, " ").replace(/"/g, '""')}"`);
    }
    lines.push(fields.join(","));
  }
  if (problems.length > 0) return { assessments: [], problems };
  const load = loadAssessmentCsvText(lines.join("\n"), file, options);
  for (const loaded of load.assessments) onSheet(loaded.parsed, sheet.name);
  return { assessments: load.assessments, problems: load.problems.map((p) => (p.file === file && p.line !== undefined ? { ...p, sheet: sheet.name } : p)) };
}

/**
 * Loads the assessments of a workbook: a questionnaire written by `init --format xlsx` (one
 * agency), or a table (one agency per row). A results workbook of `score` is refused as the
 * wrong kind. Never throws for bad input.
 */
export function loadAssessmentXlsx(file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  const opened = openWorkbook(file);
  if (!opened.workbook) return { assessments: [], problems: opened.problems };
  const marker = readMarker(opened.workbook);
  if (marker === undefined) return loadTable(opened.workbook, options);
  const kind = marker.get("kind");
  if (kind === "questionnaire") return loadQuestionnaire(opened.workbook, marker, options);
  return {
    assessments: [],
    problems: [{ code: "XLSX_WRONG_KIND", severity: "error", message: kind === "results" ? "the workbook holds the results of `score` (a ranking), not assessments" : `the workbook is of a kind this version does not read (${JSON.stringify(kind)})`, hint: "give the questionnaire an agency filled in (egov-maturity init --format xlsx), or a table with one agency per row", file, line: 1, column: 1 }],
  };
}
