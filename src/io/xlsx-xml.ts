import { attr, walk } from "./xml-scan.js";

/**
 * The few XML parts of a workbook the tool reads, scanned by the linear XML reader of xml-scan.ts. A
 * part with a DOCTYPE or ENTITY declaration is refused before it is read (see xlsx-read.ts).
 */

/** One cell as stored: its value is never computed, a formula is only noted. */
export interface SheetCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  /** The stored value: a string (shared, inline or formula string), a number, a boolean, or null. */
  value: string | number | boolean | null;
  /** The cell holds a formula (its cached value is ignored). */
  formula: boolean;
  /** The cell's type attribute (`s`, `n`, `b`, `str`, `inlineStr`, `e`, `d`), `n` when absent. */
  type: string;
  /** Index of the cell's format in the style sheet's cellXfs. */
  style: number;
}

/** A sheet's cells by row, then column. */
export type SheetCells = Map<number, Map<number, SheetCell>>;

/** The sheets of `xl/workbook.xml` in order, and its defined names. */
export function parseWorkbookXml(text: string): { sheets: { name: string; state: string; rid: string }[]; definedNames: Map<string, string>; externalReferences: number } {
  const sheets: { name: string; state: string; rid: string }[] = [];
  const definedNames = new Map<string, string>();
  let externalReferences = 0;
  let definedName: string | undefined;
  let definedText = "";
  walk(text, {
    open: (name, tag) => {
      if (name === "sheet") sheets.push({ name: attr(tag, "name") ?? "", state: attr(tag, "state") ?? "visible", rid: attr(tag, "id") ?? "" });
      else if (name === "externalReference") externalReferences++;
      else if (name === "definedName") {
        definedName = attr(tag, "name") ?? "";
        definedText = "";
      }
    },
    text: (t) => {
      if (definedName !== undefined) definedText += t;
    },
    close: (name) => {
      if (name === "definedName" && definedName !== undefined) {
        definedNames.set(definedName, definedText);
        definedName = undefined;
      }
    },
  });
  return { sheets, definedNames, externalReferences };
}

/** Relationship id → target and whether it is external (`xl/_rels/workbook.xml.rels`). */
export function parseRelationships(text: string): Map<string, { target: string; type: string; external: boolean }> {
  const rels = new Map<string, { target: string; type: string; external: boolean }>();
  walk(text, {
    open: (name, tag) => {
      if (name === "Relationship") rels.set(attr(tag, "Id") ?? "", { target: attr(tag, "Target") ?? "", type: attr(tag, "Type") ?? "", external: attr(tag, "TargetMode") === "External" });
    },
  });
  return rels;
}

/** The shared strings table: each `<si>`'s text (rich runs joined, phonetic runs left out); at most `max` entries. */
export function parseSharedStrings(text: string, max: number): string[] | undefined {
  // Counted before parsing: a table past the cap costs one scan, not a parse.
  let count = 0;
  for (let at = text.indexOf("<si>"); at >= 0 && count <= max; at = text.indexOf("<si>", at + 4)) count++;
  if (count > max) return undefined;
  const strings: string[] = [];
  let current: string | undefined;
  let inT = false;
  let phonetic = 0;
  let over = false;
  walk(text, {
    open: (name) => {
      if (name === "si") current = "";
      else if (name === "t") inT = true;
      else if (name === "rPh") phonetic++;
    },
    text: (t) => {
      if (current !== undefined && inT && phonetic === 0) current += t;
    },
    close: (name) => {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current !== undefined) {
        if (strings.length >= max) over = true;
        else strings.push(current);
        current = undefined;
      }
    },
  });
  return over ? undefined : strings;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 50, 57]);

/** The cellXfs indices whose number format shows a date (built-in date formats, or a custom code with y/d). */
export function parseDateStyles(text: string): Set<number> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  walk(text, {
    open: (name, tag) => {
      if (name === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(attr(tag, "numFmtId") ?? 0));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  xfs.forEach((id, index) => {
    const code = custom.get(id);
    const isDate = code !== undefined ? /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")) : BUILTIN_DATE_FORMATS.has(id);
    if (isDate) dates.add(index);
  });
  return dates;
}

/** `C12` → {row: 12, col: 3}. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** 3 → `C`. */
export function columnLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** `Sheet!C12` as Excel writes it; a sheet name with spaces or punctuation is quoted (`'My sheet'!C12`). */
export function cellReference(sheet: string, row: number, col: number): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(col)}${row}`;
}

/** The cells of a worksheet part; shared strings resolved, formulas flagged, values never computed. */
export function parseSheet(text: string, shared: readonly string[], maxCells: number): SheetCells | undefined {
  const rows: SheetCells = new Map();
  let row = 0;
  let col = 0;
  let cell: SheetCell | undefined;
  let raw = "";
  let inValue = false;
  let count = 0;
  let over = false;
  walk(text, {
    open: (name, tag) => {
      if (name === "row") {
        const r = Number(attr(tag, "r"));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
      } else if (name === "c") {
        const at = parseRef(attr(tag, "r") ?? "");
        if (at) ({ row, col } = at);
        else col++;
        cell = { row, col, value: null, formula: false, type: attr(tag, "t") ?? "n", style: Number(attr(tag, "s") ?? 0) || 0 };
        raw = "";
      } else if (cell && name === "f") cell.formula = true;
      else if (cell && (name === "v" || name === "t")) {
        inValue = true;
      }
    },
    text: (t) => {
      if (inValue) raw += t;
    },
    close: (name) => {
      if (name === "v" || name === "t") inValue = false;
      else if (name === "c" && cell) {
        if (++count > maxCells) over = true;
        else {
          cell.value = cellValue(cell.type, raw, shared);
          let line = rows.get(cell.row);
          if (!line) rows.set(cell.row, (line = new Map()));
          line.set(cell.col, cell);
        }
        cell = undefined;
      }
    },
  });
  return over ? undefined : rows;
}

function cellValue(type: string, raw: string, shared: readonly string[]): SheetCell["value"] {
  switch (type) {
    case "s":
      return shared[Number(raw)] ?? null;
    case "b":
      return raw === "1" || raw === "true";
    case "str":
    case "inlineStr":
    case "d":
      return raw;
    case "e":
      return null;
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}
