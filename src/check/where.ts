import type { Problem } from "../core/problems.js";
import { sheetOf } from "../io/xlsx-cells.js";
import { cellReference } from "../io/xlsx-xml.js";
import { locate, type ParsedDocument } from "../io/yaml.js";

/** A place in an input: a line and column, or in a workbook the row and column of a cell of `sheet`. */
export interface Place {
  line: number;
  column: number;
  sheet?: string;
}

/** Where the value at `path` of a loaded document is: its line and column, and its sheet in a workbook. */
export function placeOf(parsed: ParsedDocument, path: readonly (string | number)[]): Place {
  const at: Place = locate(parsed, path, true);
  const sheet = sheetOf(parsed, path, true);
  if (sheet !== undefined) at.sheet = sheet;
  return at;
}

/** The cell of a place in a workbook (`Sheet!C12`, the sheet quoted when it must be); undefined elsewhere. */
export function cellOf(at: { line?: number | undefined; column?: number | undefined; sheet?: string | undefined }): string | undefined {
  return at.sheet === undefined ? undefined : cellReference(at.sheet, at.line ?? 1, at.column ?? 1);
}

/** A place as text outputs write it: `file:line:column`, or `file.xlsx:Sheet!C12` in a workbook. */
export function placeText(file: string, at: { line?: number | undefined; column?: number | undefined; sheet?: string | undefined }): string {
  return `${file}:${cellOf(at) ?? `${at.line ?? 1}:${at.column ?? 1}`}`;
}

/** A problem's place as text. */
export const problemPlace = (p: Problem, file: string): string => placeText(p.file ?? file, p);

/** A message with its cell appended in a workbook (`… (Sheet!C12)`), for outputs whose location has lines only. */
export function withCell(message: string, at: { line?: number | undefined; column?: number | undefined; sheet?: string | undefined }): string {
  const cell = cellOf(at);
  return cell === undefined ? message : `${message} (${cell})`;
}
