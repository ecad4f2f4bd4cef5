import type { Problem } from "../core/problems.js";
import { t } from "../i18n/index.js";
import type { AssessmentLoad, AssessmentLoadOptions } from "./assessment-load.js";
import { loadAssessmentDocument } from "./assessment-full.js";
import { digestOf } from "./rubric-digest.js";
import { loadAssessmentRubric } from "./rubric-load.js";
import { cellDocument, cellProblems, cellText, rowsOnly, parseAnswerCell, problemAtCell, serialDate, type CellAt } from "./xlsx-cells.js";
import { AGENCY_ROWS, GROUP_ROW, GROUP_ROWS, HEADER_ROW, LAYOUT_VERSION } from "./xlsx-marker.js";
import type { WorkbookFile } from "./xlsx-read.js";
import type { SheetCell, SheetCells } from "./xlsx-xml.js";

/** The headers of the columns read back, in the workbook's language (they must be found on every dimension sheet). */
const READ_COLUMNS = { id: "xlsx.col.id", answer: "xlsx.col.answer", naReason: "xlsx.col.naReason", evidenceUrl: "xlsx.col.evidenceUrl", evidenceDate: "xlsx.col.evidenceDate", notes: "notes" } as const;

/**
 * Reads a questionnaire workbook written by `init --format xlsx` as one assessment: the agency
 * sheet, then every dimension sheet named by the marker, a row per criterion found by its id. The
 * value is then validated exactly as a YAML assessment is, every problem at its cell. A formula in
 * a cell that is read is an error at that cell (its cached value is never used).
 */
export function loadQuestionnaire(workbook: WorkbookFile, marker: ReadonlyMap<string, string>, options: AssessmentLoadOptions): AssessmentLoad {
  const file = workbook.file;
  const lang = marker.get("lang") ?? "en";
  const agencySheet = marker.get("sheet:agency") ?? "";
  const sheets = [agencySheet, ...[...marker].filter(([k]) => k.startsWith("dimension:")).map(([, v]) => v)];
  const first: CellAt = { sheet: agencySheet, row: 1, col: 1 };
  const fail = (code: string, message: string, hint?: string, at: CellAt = first): AssessmentLoad => ({ assessments: [], problems: [problemAtCell(file, at, code, message, hint)] });
  if (marker.get("layout") !== String(LAYOUT_VERSION)) return fail("XLSX_WRONG_KIND", `the questionnaire's layout ${JSON.stringify(marker.get("layout") ?? "")} is not one this version reads`, "make a new questionnaire with this version: egov-maturity init --format xlsx");
  const ref = marker.get("rubric") ?? "";
  const rubricRef = options.rubric ?? ref;
  // The same resolution and confinement as a YAML assessment's `rubric:` (nothing outside the root is opened).
  const loaded = loadAssessmentRubric(rubricRef, file, options);
  if (!loaded.rubric) {
    if (loaded.problem) return fail(loaded.problem.code, loaded.problem.message, loaded.problem.hint);
    return { assessments: [], problems: loaded.problems };
  }
  const rubric = loaded.rubric;
  if (options.rubric === undefined && marker.get("rubric-id") === `${rubric.id}@${rubric.version}` && marker.get("digest") !== digestOf(rubric)) {
    return fail("XLSX_RUBRIC_CHANGED", `the questionnaire was made from another rubric of the same name (${rubric.id}@${rubric.version}, digest ${marker.get("digest") ?? "?"}; this one is ${digestOf(rubric)})`, "its questions and levels may differ: make a new questionnaire, or read it against a rubric with --rubric");
  }
  const problems: Problem[] = [];
  const cellsAt = new Map<string, CellAt>();
  const sep = "\u0000";
  const formulaCheck = (sheet: string, cell: SheetCell | undefined): boolean => {
    if (!cell?.formula) return true;
    problems.push(problemAtCell(file, { sheet, row: cell.row, col: cell.col }, "XLSX_FORMULA", "the cell holds a formula; answers must be typed values (formulas are never evaluated)", "type the value itself, or paste it as a value (Paste Special › Values)"));
    return false;
  };
  const sheetCells = (name: string): SheetCells | undefined => {
    if (!workbook.sheets.some((s) => s.name === name)) {
      problems.push(problemAtCell(file, { sheet: name, row: 1, col: 1 }, "XLSX_MISSING_SHEET", `the workbook has no sheet \`${name}\``, "the questionnaire's sheets must keep their names: make a new one with egov-maturity init --format xlsx, or restore the sheet"));
      return undefined;
    }
    const read = workbook.cells(name);
    if (read.problem) problems.push(read.problem);
    return read.cells;
  };

  // The agency's details.
  const value: Record<string, unknown> = { rubric: ref, language: lang };
  const agency: Record<string, unknown> = {};
  value.agency = agency;
  const agencyCells = sheetCells(agencySheet);
  if (agencyCells) {
    const field = (row: number, col = 2): string => {
      const cell = agencyCells.get(row)?.get(col);
      if (!formulaCheck(agencySheet, cell)) return "";
      return cellText(cell, workbook.dateStyles).trim();
    };
    const put = (path: string[], text: string, row: number, col = 2) => {
      if (text === "") return;
      cellsAt.set(path.join(sep), { sheet: agencySheet, row, col });
    };
    agency.id = field(AGENCY_ROWS.id);
    put(["agency", "id"], "x", AGENCY_ROWS.id);
    const name = field(AGENCY_ROWS.name);
    if (name !== "") agency.name = name;
    put(["agency", "name"], name, AGENCY_ROWS.name);
    const assessor = field(AGENCY_ROWS.assessor);
    if (assessor !== "") value.assessor = assessor;
    put(["assessor"], assessor, AGENCY_ROWS.assessor);
    const dateCell = agencyCells.get(AGENCY_ROWS.date)?.get(2);
    const date = typeof dateCell?.value === "number" && !dateCell.formula ? (serialDate(dateCell.value) ?? "") : field(AGENCY_ROWS.date);
    if (date !== "") value.date = date;
    put(["date"], date, AGENCY_ROWS.date);
    const groups: Record<string, string> = {};
    for (let row = GROUP_ROW; row < GROUP_ROW + GROUP_ROWS; row++) {
      const key = field(row, 1);
      const text = field(row, 2);
      if (key === "" || text === "") continue;
      groups[key] = text;
      put(["agency", "groups", key], text, row);
    }
    if (Object.keys(groups).length > 0) agency.groups = groups;
  }

  // One sheet per dimension: every row with a criterion id.
  const answers: Record<string, unknown> = {};
  value.answers = answers;
  for (const [key, sheet] of marker) {
    if (!key.startsWith("dimension:")) continue;
    const cells = sheetCells(sheet);
    if (!cells) continue;
    const header = cells.get(HEADER_ROW) ?? new Map<number, SheetCell>();
    const col: Partial<Record<keyof typeof READ_COLUMNS, number>> = {};
    for (const [name, textKey] of Object.entries(READ_COLUMNS) as [keyof typeof READ_COLUMNS, (typeof READ_COLUMNS)[keyof typeof READ_COLUMNS]][]) {
      const wanted = t(lang, textKey).trim().toLowerCase();
      const found = [...header.values()].find((c) => typeof c.value === "string" && c.value.trim().toLowerCase() === wanted);
      if (found) col[name] = found.col;
      else problems.push(problemAtCell(file, { sheet, row: HEADER_ROW, col: 1 }, "XLSX_MISSING_COLUMN", `the sheet has no column \`${t(lang, textKey)}\` in row ${HEADER_ROW} (renamed or removed?)`, "the questionnaire's columns must keep their headers: make a new one with egov-maturity init --format xlsx"));
    }
    if (Object.keys(col).length < Object.keys(READ_COLUMNS).length) continue;
    for (const [row, line] of cells) {
      if (row <= HEADER_ROW) continue;
      const idCell = line.get(col.id!);
      const id = formulaCheck(sheet, idCell) ? cellText(idCell, workbook.dateStyles).trim() : "";
      if (id === "") continue;
      const at = (c: number): CellAt => ({ sheet, row, col: c });
      const criterion = rubric.criteria.get(id);
      if (criterion === undefined) {
        // Left to the assessment checks (UNKNOWN_CRITERION with a did-you-mean), at the id cell.
        answers[id] = null;
        cellsAt.set(["answers", id].join(sep), at(col.id!));
        continue;
      }
      const read = (c: number) => {
        const cell = line.get(c);
        return formulaCheck(sheet, cell) ? cell : undefined;
      };
      const answerCell = read(col.answer!);
      const parsed = parseAnswerCell(answerCell, criterion, rubric);
      if (parsed.problem !== undefined) problems.push(problemAtCell(file, at(col.answer!), "WRONG_ANSWER_TYPE", parsed.problem, parsed.hint));
      const na = cellText(read(col.naReason!), workbook.dateStyles).trim();
      const url = cellText(read(col.evidenceUrl!), workbook.dateStyles).trim();
      const dateCell = read(col.evidenceDate!);
      const date = typeof dateCell?.value === "number" ? (serialDate(dateCell.value) ?? String(dateCell.value)) : cellText(dateCell, workbook.dateStyles).trim();
      const notes = cellText(read(col.notes!), workbook.dateStyles).trim();
      const answer: Record<string, unknown> = {};
      const base = ["answers", id];
      if (parsed.value !== undefined) answer[criterion.type === "level" ? "level" : "value"] = parsed.value;
      if (na !== "") answer.na = na;
      if (url !== "" || date !== "") answer.evidence = [{ ...(url !== "" ? { url } : {}), ...(date !== "" ? { date } : {}) }];
      if (notes !== "") answer.notes = notes;
      if (Object.keys(answer).length === 0) continue;
      answers[id] = answer;
      cellsAt.set(base.join(sep), at(col.answer!));
      cellsAt.set([...base, "na"].join(sep), at(col.naReason!));
      cellsAt.set([...base, "evidence"].join(sep), at(url !== "" ? col.evidenceUrl! : col.evidenceDate!));
      cellsAt.set([...base, "evidence", "0", "date"].join(sep), at(col.evidenceDate!));
      cellsAt.set([...base, "notes"].join(sep), at(col.notes!));
    }
  }
  if (problems.length > 0) return { assessments: [], problems };
  const parsedDoc = cellDocument(value, cellsAt, { sheet: agencySheet, row: AGENCY_ROWS.id, col: 2 }, sheets);
  const result = loadAssessmentDocument(parsedDoc, file, { ...(options.rubric !== undefined ? { rubric: options.rubric } : {}), ...(options.rubricRoot !== undefined ? { rubricRoot: options.rubricRoot } : {}) });
  if (result.loaded) rowsOnly(result.loaded.parsed, sheets);
  return { assessments: result.loaded ? [result.loaded] : [], problems: cellProblems(result.problems, file, sheets) };
}
