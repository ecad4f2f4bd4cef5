import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Problem } from "../core/problems.js";
import type { Criterion, Rubric } from "../core/rubric.js";
import { locate, type ParsedDocument } from "./yaml.js";
import type { SheetCell } from "./xlsx-xml.js";

/**
 * Reading answers out of cells, and pointing problems back at cells: shared by the questionnaire
 * and table readers of workbooks.
 */

/** Where a value came from in a workbook. */
export interface CellAt {
  sheet: string;
  row: number;
  col: number;
}

/** Western digits for Arabic-Indic and Persian ones, a dot for the Arabic decimal separator, no Arabic thousands separator. */
export function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ".")
    .replace(/\u066c/g, "");
}

/** An Excel date serial (1900 system) as YYYY-MM-DD. */
export function serialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000).toISOString().slice(0, 10);
}

/** A cell's text as a person reads it: dates in date-formatted cells as YYYY-MM-DD, numbers as numbers, booleans as true/false. */
export function cellText(cell: SheetCell | undefined, dateStyles: ReadonlySet<number>): string {
  if (cell === undefined || cell.value === null) return "";
  if (typeof cell.value === "number") return dateStyles.has(cell.style) ? (serialDate(cell.value) ?? String(cell.value)) : String(cell.value);
  if (typeof cell.value === "boolean") return cell.value ? "true" : "false";
  return cell.type === "d" ? cell.value.slice(0, 10) : cell.value;
}

const YES = /^(yes|y|true|1|نعم)$/i;
const NO = /^(no|n|false|0|لا)$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function labels(text: Rubric["scale"][number]["label"]): string[] {
  return typeof text === "string" ? [text] : Object.values(text);
}

/**
 * The answer a cell gives a criterion: a level (its number, its label in any of the rubric's
 * languages, or "Label (n)" as the drop-down offers it; Arabic-Indic digits too), yes/no, or a
 * number; `undefined` for an empty cell; a message when the cell holds something else.
 */
export function parseAnswerCell(cell: SheetCell | undefined, criterion: Criterion, rubric: Rubric): { value?: number | boolean; problem?: string; hint?: string } {
  if (cell === undefined || cell.value === null) return {};
  const raw = cell.value;
  if (criterion.type === "number") {
    if (typeof raw === "number") return { value: raw };
    const text = westernDigits(String(raw)).trim().replace(/%$/, "").trim();
    if (text === "") return {};
    if (NUMBER.test(text)) return { value: Number(text) };
    return { problem: `\`${criterion.id}\` expects a number, got ${JSON.stringify(String(raw).slice(0, 40))}`, hint: `type a plain number${criterion.unit ? ` (${criterion.unit})` : ""}` };
  }
  if (criterion.type === "boolean") {
    if (typeof raw === "boolean") return { value: raw };
    const text = westernDigits(String(raw)).trim();
    if (text === "") return {};
    if (YES.test(text)) return { value: true };
    if (NO.test(text)) return { value: false };
    return { problem: `\`${criterion.id}\` expects yes or no, got ${JSON.stringify(String(raw).slice(0, 40))}`, hint: "pick yes or no in the drop-down" };
  }
  const values = rubric.scale.map((s) => s.value);
  const text = typeof raw === "number" ? String(raw) : westernDigits(String(raw)).trim();
  if (text === "") return {};
  const suffix = /\(\s*(\d+)\s*\)$/.exec(text);
  const number = /^\d+$/.test(text) ? Number(text) : suffix ? Number(suffix[1]) : undefined;
  const lower = text.replace(/\(\s*\d+\s*\)$/, "").trim().toLowerCase();
  const byLabel = rubric.scale.find((s) => labels(s.label).some((l) => l.trim().toLowerCase() === lower));
  if (number !== undefined && values.includes(number) && (suffix === null || byLabel === undefined || byLabel.value === number)) return { value: number };
  if (number === undefined && byLabel) return { value: byLabel.value };
  return { problem: `\`${criterion.id}\` expects a level, got ${JSON.stringify(String(raw).slice(0, 40))}`, hint: `pick a level in the drop-down (${values.join(", ")} or its label)` };
}

/** A problem at a cell. */
export function problemAtCell(file: string, at: CellAt, code: string, message: string, hint?: string): Problem {
  return { code, severity: "error", message, ...(hint !== undefined ? { hint } : {}), file, sheet: at.sheet, line: at.row, column: at.col };
}

/** Rows are encoded with their sheet in a document's line numbers: line = sheet × SPAN + row. */
const SPAN = 1 << 21;

/**
 * A YAML document of a value built from cells, whose positions encode the cell each value came
 * from (the longest registered path prefix of a node, else `fallback`): the assessment loader
 * then places its problems, and `cellProblems` turns them back into sheet, row and column.
 */
export function cellDocument(value: Record<string, unknown>, cells: ReadonlyMap<string, CellAt>, fallback: CellAt, sheets: readonly string[]): ParsedDocument {
  const text = new Document(value).toString();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = new Map<number, { line: number; col: number }>();
  const encode = (c: CellAt) => ({ line: Math.max(0, sheets.indexOf(c.sheet)) * SPAN + c.row, col: c.col });
  const visit = (node: Node | null | undefined, path: string[]) => {
    if (!node) return;
    let best = fallback;
    for (let n = path.length; n > 0; n--) {
      const hit = cells.get(path.slice(0, n).join("\u0000"));
      if (hit) {
        best = hit;
        break;
      }
    }
    if (node.range) at.set(node.range[0], encode(best));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const keyNode = pair.key as Node | null;
        if (keyNode?.range) at.set(keyNode.range[0], encode(cells.get([...path, key].join("\u0000")) ?? best));
        visit(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item as Node | null, [...path, String(i)]));
  };
  visit(doc.contents as Node | null, []);
  lineCounter.linePos = (offset: number) => at.get(offset) ?? encode(fallback);
  return { doc, lineCounter, index: 0, value: doc.toJS() };
}

/** Problems placed in a `cellDocument`, with their sheet, row and column decoded. */
export function cellProblems(problems: readonly Problem[], file: string, sheets: readonly string[]): Problem[] {
  return problems.map(({ document: _d, ...p }) => {
    if (p.file !== file || p.line === undefined || p.sheet !== undefined) return p;
    const sheet = sheets[Math.floor(p.line / SPAN)];
    return sheet === undefined ? p : { ...p, sheet, line: p.line % SPAN };
  });
}

/** The sheet of each loaded workbook document: one name (a table), or its sheets and encoded positions (a questionnaire). */
const sheetsOf = new WeakMap<ParsedDocument, string | { sheets: readonly string[]; encoded: LineCounter["linePos"] }>();

/** Records that a loaded table document's rows are rows of `sheet`. */
export function onSheet(parsed: ParsedDocument, sheet: string): void {
  sheetsOf.set(parsed, sheet);
}

/** The workbook sheet that holds the value at `path` of a loaded document; undefined for a YAML or CSV document. */
export function sheetOf(parsed: ParsedDocument, path: readonly (string | number)[], atKey = false): string | undefined {
  const known = sheetsOf.get(parsed);
  if (known === undefined || typeof known === "string") return known;
  const counter = new LineCounter();
  counter.linePos = known.encoded;
  return known.sheets[Math.floor(locate({ index: parsed.index, value: parsed.value, doc: parsed.doc, lineCounter: counter }, path, atKey).line / SPAN)];
}

/** Once loaded, a questionnaire's document gives rows alone (for annotations that know lines only); `sheetOf` gives the sheet. */
export function rowsOnly(parsed: ParsedDocument, sheets: readonly string[]): ParsedDocument {
  const encoded = parsed.lineCounter.linePos.bind(parsed.lineCounter);
  sheetsOf.set(parsed, { sheets, encoded });
  parsed.lineCounter.linePos = (offset: number) => {
    const at = encoded(offset);
    return { line: at.line % SPAN, col: at.col };
  };
  return parsed;
}
