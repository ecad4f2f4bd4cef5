import type { Rubric } from "../core/rubric.js";

/**
 * What the tool's workbooks carry so that reading one back knows what it is: a very hidden sheet
 * `_egov` of key/value rows (kind, layout version, rubric reference, id@version and digest,
 * language, and which sheet holds which dimension), plus the lists the drop-downs offer.
 * Writers (init, score) and the reader share these names and positions.
 */

export const MARKER_SHEET = "_egov";
export const LAYOUT_VERSION = 1;

/** The kinds of workbook the tool writes. */
export type WorkbookKind = "questionnaire" | "results";

/** Row of the column headers on a dimension sheet; criteria start on the next row. */
export const HEADER_ROW = 3;

/** The columns of a dimension sheet, in order; `level:N` is the descriptor of scale value N. */
export function questionnaireColumns(rubric: Pick<Rubric, "scale">): string[] {
  return ["id", "criterion", "question", ...rubric.scale.map((s) => `level:${s.value}`), "evidenceAsked", "answer", "naReason", "evidenceUrl", "evidenceDate", "notes"];
}

/** The columns a person fills in (unlocked, read back). */
export const ANSWER_COLUMNS = ["answer", "naReason", "evidenceUrl", "evidenceDate", "notes"] as const;

/** Rows of the agency sheet: field → row (value in column B). Groups: key in A, value in B, from GROUP_ROW. */
export const AGENCY_ROWS = { id: 3, name: 4, assessor: 5, date: 6 } as const;
export const GROUP_HEADER_ROW = 8;
export const GROUP_ROW = 9;
export const GROUP_ROWS = 10;
