import { Document, isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import { checkAssessment } from "../core/assessment.js";
import { isAssessmentFile } from "../core/assessment-guard.js";
import type { Problem } from "../core/problems.js";
import type { Criterion, Rubric } from "../core/rubric.js";
import type { LoadedAssessment } from "./assessment-load.js";
import { loadAssessmentDocument } from "./assessment-full.js";
import type { CsvCell, CsvRecord } from "./csv.js";
import type { CsvTableContext } from "./csv-columns.js";
import type { ParsedDocument } from "./yaml.js";

/** The reason given to a cell that says N/A. */
export const CSV_NA_REASON = "N/A in source table";

const NA_CELL = /^(n\/?a|n\.a\.?|not applicable|غير منطبق|لا ينطبق)$/i;
// No backtracking: the digits before and after the dot cannot trade places (a 60 KB cell is linear).
const NUMBER_CELL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const YES = /^(yes|y|true|1|نعم)$/i;
const NO = /^(no|n|false|0|لا)$/i;
const AGENCY_ID = /^[A-Za-z0-9._-]+$/;

/** An id made of a free text: accents dropped, every run of other characters a `-`, lower-case. */
export function slugId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/** The answer a cell gives a criterion: a value for the assessment's `answers`, or a problem. */
function cellAnswer(cell: CsvCell, criterion: Criterion, rubric: Rubric, header: string): { answer?: unknown; problem?: string; hint?: string } {
  const text = cell.value.trim();
  if (text === "") return { answer: null };
  if (NA_CELL.test(text)) return { answer: { na: CSV_NA_REASON } };
  const what = `column \`${header}\` (${criterion.id})`;
  if (criterion.type === "number") {
    if (NUMBER_CELL.test(text)) return { answer: Number(text) };
    return { problem: `${what} expects a number, got ${JSON.stringify(text)}`, hint: `write a plain number such as 62 or 0.5 (a dot for decimals, no unit)${criterion.unit ? `; the unit is ${criterion.unit}` : ""}; N/A or an empty cell are allowed` };
  }
  if (criterion.type === "boolean") {
    if (YES.test(text)) return { answer: true };
    if (NO.test(text)) return { answer: false };
    return { problem: `${what} expects yes or no, got ${JSON.stringify(text)}`, hint: "write yes, no, true, false, 1 or 0; N/A or an empty cell are allowed" };
  }
  if (/^\d+$/.test(text)) return { answer: Number(text) };
  const lower = text.toLowerCase();
  const byLabel = rubric.scale.find((s) => (typeof s.label === "string" ? [s.label] : Object.values(s.label)).some((l) => l.toLowerCase() === lower));
  if (byLabel) return { answer: byLabel.value };
  return { problem: `${what} expects a level, got ${JSON.stringify(text)}`, hint: `write a level (${rubric.scale.map((s) => s.value).join(", ")}) or its label; N/A or an empty cell are allowed` };
}

/** A YAML document of a row's assessment whose positions point back at the CSV cells it came from. */
function rowDocument(value: Record<string, unknown>, cells: ReadonlyMap<string, CsvCell>, rowLine: number): ParsedDocument {
  const text = new Document(value).toString();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = new Map<number, { line: number; col: number }>();
  for (const [dotted, cell] of cells) {
    let node: Node | null = doc.contents as Node | null;
    for (const segment of dotted.split("\u0000")) {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const key = pair.key as Node | null;
      const val = pair.value as Node | null;
      for (const n of [key, val]) if (n?.range) at.set(n.range[0], { line: cell.line, col: cell.column });
      node = val;
    }
    // The `na` inside an N/A answer points at the same cell.
    if (isMap(node)) for (const p of node.items) for (const n of [p.key as Node | null, p.value as Node | null]) if (n?.range) at.set(n.range[0], { line: cell.line, col: cell.column });
  }
  lineCounter.linePos = (offset: number) => at.get(offset) ?? { line: rowLine, col: 1 };
  return { doc, lineCounter, index: 0, value: doc.toJS() };
}

/** A row's document, built on first use of its YAML nodes or positions. */
function lazyRowDocument(value: Record<string, unknown>, cells: ReadonlyMap<string, CsvCell>, rowLine: number): ParsedDocument {
  let built: ParsedDocument | undefined;
  const get = () => (built ??= rowDocument(value, cells, rowLine));
  return {
    index: 0,
    value,
    get doc() {
      return get().doc;
    },
    get lineCounter() {
      return get().lineCounter;
    },
  };
}

/** A row read through the table's columns: its problems (the row is left out), or its agency's id and value. */
export type RowRead =
  | { kind: "problems"; problems: Problem[] }
  | { kind: "row"; line: number; id: string; idAt: { line: number; column: number }; value: Record<string, unknown>; cellsAt: Map<string, CsvCell> };

/**
 * Reads one row of a table: undefined for a row left out (empty, or not matching the row filter).
 * Needs nothing of the other rows: whether its id was already taken is for the caller to decide
 * (rows are read in any order, on any thread; see {@link TableRows}).
 */
export function readRow(row: CsvRecord, table: CsvTableContext): RowRead | undefined {
  const { file, rubric, columns, width, where } = table;
  // Spreadsheets export trailing rows of empty cells (",,,,"): no agency there.
  if (row.cells.every((c) => c.value.trim() === "")) return undefined;
  if (!where.every((w) => w.values.includes(row.cells[w.index]?.value.trim() ?? ""))) return undefined;
  const rowProblems: Problem[] = [];
  const at = (cell: CsvCell) => ({ severity: "error" as const, file, line: cell.line, column: cell.column });
  if (row.cells.length !== width) {
    const last = row.cells[Math.min(row.cells.length, width) - 1]!;
    return { kind: "problems", problems: [{ ...at(last), code: "CSV_FIELD_COUNT", message: `the row has ${row.cells.length} cells; the header has ${width}`, hint: row.cells.length > width ? "a cell holding the delimiter must be quoted" : "every row needs a cell for every column (empty is fine)" }] };
  }
    const idParts: string[] = [];
    let idCell: CsvCell | undefined;
    const agency: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    const groups: Record<string, string> = {};
    const answers: Record<string, unknown> = {};
    const value: Record<string, unknown> = { rubric: table.rubricRef, agency };
    const cellsAt = new Map<string, CsvCell>();
    const sep = "\u0000";
    for (const column of columns) {
      const cell = row.cells[column.index]!;
      const text = cell.value.trim();
      for (const target of column.targets) {
        switch (target.kind) {
          case "ignore":
            break;
          case "id": {
            const id = target.slug ? slugId(text) : text;
            if (id === "") rowProblems.push({ ...at(cell), code: "CSV_EMPTY_ID", message: `the agency id in column \`${column.header}\` is empty`, hint: "every row needs an agency id" });
            else if (!AGENCY_ID.test(id)) rowProblems.push({ ...at(cell), code: "AGENCY_ID_INVALID", message: `the agency id ${JSON.stringify(text)} in column \`${column.header}\` holds characters other than letters, digits, \`.\`, \`_\` and \`-\``, hint: `map the column to \`id-slug\` to make an id of it (${JSON.stringify(slugId(text))})` });
            idParts.push(id);
            idCell ??= cell;
            break;
          }
          case "name":
            if (text !== "") {
              names[target.lang ?? ""] = text;
              cellsAt.set(["agency", "name", ...(target.lang ? [target.lang] : [])].join(sep), cell);
            }
            break;
          case "group":
            if (text !== "") {
              groups[target.key] = text;
              cellsAt.set(["agency", "groups", target.key].join(sep), cell);
            }
            break;
          case "date":
          case "assessor":
            if (text !== "") {
              value[target.kind] = text;
              cellsAt.set(target.kind, cell);
            }
            break;
          case "criterion": {
            const criterion = rubric.criteria.get(target.id)!;
            const answer = cellAnswer(cell, criterion, rubric, column.header);
            if (answer.problem !== undefined) rowProblems.push({ ...at(cell), code: "WRONG_ANSWER_TYPE", message: answer.problem, ...(answer.hint ? { hint: answer.hint } : {}) });
            else if (answer.answer !== null) {
              answers[target.id] = answer.answer;
              cellsAt.set(["answers", target.id].join(sep), cell);
            }
            break;
          }
        }
      }
    }
  if (rowProblems.length > 0 || !idCell) return { kind: "problems", problems: rowProblems };
  agency.id = idParts.join("-");
  cellsAt.set(["agency", "id"].join(sep), idCell);
  const langs = Object.keys(names);
  if (langs.length === 1 && langs[0] === "") agency.name = names[""];
  else if (langs.length > 0) agency.name = Object.fromEntries(langs.map((l) => [l === "" ? (rubric.languages[0] ?? "en") : l, names[l]!]));
  if (Object.keys(groups).length > 0) agency.groups = groups;
  value.answers = answers;
  return { kind: "row", line: row.line, id: agency.id as string, idAt: { line: idCell.line, column: idCell.column }, value, cellsAt };
}

/**
 * Validates a row's assessment: the assessment (with the row's document, positions at its cells), and
 * the problems. The common case, a valid row, needs neither the YAML round trip nor the rubric lookup
 * per row: the same checks as loadAssessmentDocument, with the rubric loaded once; the row's document
 * is built only when something asks for a position.
 */
export function checkRow(read: Extract<RowRead, { kind: "row" }>, table: CsvTableContext): { loaded?: LoadedAssessment; problems: Problem[] } {
  const { value, cellsAt, line } = read;
  if (isAssessmentFile(value)) {
    const checked = checkAssessment(value, table.rubric);
    if (checked.problems.length === 0) {
      return { loaded: { file: table.file, document: 0, assessment: checked.assessment, rubric: table.rubric, parsed: lazyRowDocument(value, cellsAt, line) }, problems: [] };
    }
  }
  const parsed = rowDocument(value, cellsAt, line);
  const result = loadAssessmentDocument(parsed, table.file, { rubric: table.rubricRef });
  return { ...(result.loaded ? { loaded: result.loaded } : {}), problems: result.problems.map(({ document: _d, ...p }) => p) };
}

/** The rows of one table taken in order: an agency id is taken by its first row; the assessments are numbered. */
export class TableRows {
  private readonly firstLineOf = new Map<string, number>();
  private delivered = 0;

  constructor(private readonly file: string) {}

  /** A row's id, claimed: a `DUPLICATE_AGENCY` problem when an earlier row has it (the row is then left out). */
  claim(read: { id: string; line: number; idAt: { line: number; column: number } }): Problem | undefined {
    const first = this.firstLineOf.get(read.id);
    if (first === undefined) {
      this.firstLineOf.set(read.id, read.line);
      return undefined;
    }
    return { severity: "error", file: this.file, ...read.idAt, code: "DUPLICATE_AGENCY", message: `agency \`${read.id}\` appears again (first on line ${first})`, hint: "give each row its own id: map a second column to `id` too (the parts are joined with `-`), or keep one set of rows with --where" };
  }

  /** The next assessment's number (its `document`: the rows delivered before it). */
  next(): number {
    return this.delivered++;
  }

  /** How many assessments were delivered. */
  get count(): number {
    return this.delivered;
  }
}
