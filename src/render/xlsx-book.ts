import type { Workbook, Worksheet } from "exceljs";
import { inflateEntry, readZipDirectory, writeZip } from "../io/xlsx-zip.js";
import { MARKER_SHEET, type WorkbookKind, LAYOUT_VERSION } from "../io/xlsx-marker.js";
import type { RenderContext } from "./context.js";

/**
 * Shared by the workbook writers (init's questionnaire, score's results): a new exceljs workbook
 * stamped with the render context's clock, the hidden marker sheet, and the finishing step that
 * makes the bytes deterministic and locks the workbook's structure.
 * exceljs is loaded only when a workbook is written (it is large; other commands never pay for it).
 */

/**
 * A text as a cell may hold it: characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/F)
 * removed, at most 32,767 characters (Excel's limit). Strings are always written as strings:
 * exceljs writes a formula only from a formula object, so `=HYPERLINK(...)` in a name stays text.
 */
export function xlsxText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "").slice(0, 32767);
}

/** A new workbook whose document properties come from the render context (never the wall clock). */
export async function newWorkbook(ctx: RenderContext): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "egov-maturity";
  book.lastModifiedBy = "egov-maturity";
  book.created = ctx.now;
  book.modified = ctx.now;
  book.calcProperties.fullCalcOnLoad = false;
  return book;
}

/** Adds the very hidden marker sheet: `kind`, layout version and the given key/value rows. */
export function addMarkerSheet(book: Workbook, kind: WorkbookKind, rows: readonly (readonly [string, string])[]): Worksheet {
  const sheet = book.addWorksheet(MARKER_SHEET, { state: "veryHidden" });
  sheet.addRow(["kind", kind]);
  sheet.addRow(["layout", String(LAYOUT_VERSION)]);
  for (const [key, value] of rows) sheet.addRow([key, value]);
  return sheet;
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").replace(/\s+/g, " ").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === "history"; n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Applies the right-to-left view when the language is written right to left. */
export function sheetViews(lang: string, frozenRows = 0): Worksheet["views"] {
  const rightToLeft = lang === "ar" || lang === "fa" || lang === "he" || lang === "ur";
  return [frozenRows > 0 ? { state: "frozen", ySplit: frozenRows, rightToLeft, activeCell: `A${frozenRows + 1}` } : { state: "normal", rightToLeft }];
}

/**
 * The workbook's bytes: written by exceljs, then re-packed with every entry stamped with the
 * context's clock (exceljs stamps the wall clock), random ids replaced by counters, and the
 * workbook structure locked when asked (exceljs has no option for it).
 */
export async function finishWorkbook(book: Workbook, ctx: RenderContext, options: { lockStructure: boolean }): Promise<Uint8Array> {
  const written = new Uint8Array(await book.xlsx.writeBuffer());
  const limits = { maxEntries: 100_000, maxEntryBytes: 2 ** 31, maxTotalBytes: 2 ** 32, maxRatio: Infinity, ratioFloorBytes: 0 };
  const directory = readZipDirectory(written, limits);
  if ("refusal" in directory) throw new Error(`exceljs wrote an unreadable zip: ${directory.refusal.message}`);
  let ids = 0;
  const uuids = new Map<string, string>();
  const parts = directory.entries.map((entry) => {
    const inflated = inflateEntry(written, entry);
    if ("refusal" in inflated) throw new Error(`exceljs wrote an unreadable part: ${inflated.refusal.message}`);
    let data = inflated.data;
    if (/\.(xml|rels)$/.test(entry.name)) {
      let text = new TextDecoder().decode(data);
      text = text.replace(/\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g, (uuid) => {
        const known = uuids.get(uuid.toUpperCase());
        if (known) return known;
        const next = `{00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, "0").toUpperCase()}}`;
        uuids.set(uuid.toUpperCase(), next);
        return next;
      });
      if (entry.name === "xl/workbook.xml" && options.lockStructure) text = text.replace("<bookViews", '<workbookProtection lockStructure="1"/><bookViews');
      data = new TextEncoder().encode(text);
    }
    return { name: entry.name, data };
  });
  return writeZip(parts, ctx.now);
}
