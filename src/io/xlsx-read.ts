import { readFileSync, statSync } from "node:fs";
import type { Problem } from "../core/problems.js";
import { fsProblem } from "./read.js";
import { declaresEntities } from "./xml-scan.js";
import { parseDateStyles, parseRelationships, parseSharedStrings, parseSheet, parseWorkbookXml, type SheetCells } from "./xlsx-xml.js";
import { inflateEntry, readZipDirectory, type ZipEntry, type ZipLimits } from "./xlsx-zip.js";
import { LIMITS } from "./yaml-limits.js";

/**
 * Opens a workbook for reading, safely: the file is size-capped, the zip's central directory is
 * checked before anything is inflated (entry count, declared and actual sizes, compression ratio,
 * names), macros and external links are refused, every XML part is refused if it declares a DTD
 * or an entity, and no formula is ever evaluated (a formula is only flagged on its cell).
 */

/** The caps of a workbook, derived from the file cap (EGOV_MATURITY_MAX_FILE_MB). */
export function workbookLimits(): ZipLimits & { maxSharedStrings: number; maxCells: number } {
  return {
    maxEntries: 10_000,
    maxEntryBytes: LIMITS.maxFileBytes,
    maxTotalBytes: LIMITS.maxFileBytes,
    maxRatio: 150,
    ratioFloorBytes: 2 * 1048576,
    maxSharedStrings: 500_000,
    maxCells: 1_000_000,
  };
}

/** A workbook opened for reading: its sheets (in order), defined names, and cells on demand. */
export interface WorkbookFile {
  file: string;
  sheets: { name: string; state: string }[];
  definedNames: ReadonlyMap<string, string>;
  /** The cellXfs indices that format a date. */
  dateStyles: ReadonlySet<number>;
  /** The cells of a sheet (parsed on first use), or the problem that stopped it. */
  cells(sheet: string): { cells?: SheetCells; problem?: Problem };
}

export { isXlsxPath } from "./input-kind.js";

function refusal(file: string, code: string, message: string, hint?: string): Problem {
  return { code, severity: "error", message, ...(hint !== undefined ? { hint } : {}), file, line: 1, column: 1 };
}

/** Reads a workbook file (size-capped) and opens it. Never throws for bad input. */
export function openWorkbook(file: string): { workbook?: WorkbookFile; problems: Problem[] } {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { problems: [refusal(file, "IS_A_DIRECTORY", "is a directory, not a file")] };
    if (!stat.isFile()) return { problems: [refusal(file, "XLSX_NOT_A_WORKBOOK", "a workbook must be a regular file, not a pipe or a device")] };
    if (stat.size > LIMITS.maxFileBytes) return { problems: [refusal(file, "XLSX_TOO_LARGE", `the file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1048576} MB`, "set EGOV_MATURITY_MAX_FILE_MB to raise the limit, or split the workbook")] };
    bytes = readFileSync(file);
  } catch (error) {
    return { problems: [fsProblem(error, file)] };
  }
  return openWorkbookBytes(bytes, file);
}

/** Opens a workbook from its bytes. Never throws for bad input. */
export function openWorkbookBytes(bytes: Uint8Array, file: string): { workbook?: WorkbookFile; problems: Problem[] } {
  const limits = workbookLimits();
  if (bytes.length > LIMITS.maxFileBytes) return { problems: [refusal(file, "XLSX_TOO_LARGE", `the workbook is larger than the limit of ${LIMITS.maxFileBytes / 1048576} MB`)] };
  const directory = readZipDirectory(bytes, limits);
  if ("refusal" in directory) return { problems: [refusal(file, directory.refusal.code, directory.refusal.message, directory.refusal.hint)] };
  const entries = new Map(directory.entries.map((e) => [e.name.toLowerCase(), e]));
  for (const entry of directory.entries) {
    const name = entry.name.toLowerCase();
    if (name.endsWith("vbaproject.bin") || name.endsWith("vbaprojectsignature.bin") || name.startsWith("xl/macrosheets/") || name.startsWith("xl/activex/")) {
      return { problems: [refusal(file, "XLSX_MACROS", "the workbook holds macros; the tool never opens a workbook with code in it", "save it as an Excel Workbook (.xlsx) without macros, and send that")] };
    }
    if (name.startsWith("xl/externallinks/")) {
      return { problems: [refusal(file, "XLSX_EXTERNAL_LINK", "the workbook links to other workbooks (external links); the tool reads only what is in the file", "break the links in Excel (Data › Edit Links › Break Link) and save again")] };
    }
  }
  const texts = new Map<string, string>();
  // Every XML part is checked (not only those read): a DTD or an entity has no place in a workbook.
  for (const entry of directory.entries) {
    if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    const text = partText(bytes, entry, file);
    if (typeof text !== "string") return { problems: [text] };
    if (declaresEntities(text)) return { problems: [refusal(file, "XLSX_ENTITY", `the part ${JSON.stringify(entry.name.slice(0, 80))} declares a DTD or XML entities; a workbook never does`, "the file was made to attack an XML reader (entity expansion); save the workbook again from Excel or LibreOffice")] };
    texts.set(entry.name.toLowerCase(), text);
  }
  const types = texts.get("[content_types].xml");
  const workbookXml = texts.get("xl/workbook.xml");
  if (types === undefined || workbookXml === undefined) return { problems: [refusal(file, "XLSX_NOT_A_WORKBOOK", "the archive is not an Excel workbook (no xl/workbook.xml)", "a Word document or another zip was given; save the spreadsheet as an Excel workbook (.xlsx)")] };
  if (/macroEnabled|vbaProject/i.test(types)) return { problems: [refusal(file, "XLSX_MACROS", "the workbook is macro-enabled (.xlsm); the tool never opens a workbook with code in it", "save it as an Excel Workbook (.xlsx) without macros, and send that")] };
  try {
    const book = parseWorkbookXml(workbookXml);
    if (book.externalReferences > 0) return { problems: [refusal(file, "XLSX_EXTERNAL_LINK", "the workbook links to other workbooks (external links); the tool reads only what is in the file", "break the links in Excel (Data › Edit Links › Break Link) and save again")] };
    const rels = parseRelationships(texts.get("xl/_rels/workbook.xml.rels") ?? "<Relationships/>");
    const shared = texts.has("xl/sharedstrings.xml") ? parseSharedStrings(texts.get("xl/sharedstrings.xml")!, limits.maxSharedStrings) : [];
    if (shared === undefined) return { problems: [refusal(file, "XLSX_TOO_LARGE", `the workbook's shared-strings table holds more than ${limits.maxSharedStrings} texts, the limit`)] };
    const dateStyles = texts.has("xl/styles.xml") ? parseDateStyles(texts.get("xl/styles.xml")!) : new Set<number>();
    const targetOf = new Map<string, string>();
    for (const sheet of book.sheets) {
      const rel = rels.get(sheet.rid);
      if (rel === undefined || rel.external) continue;
      const target = rel.target.startsWith("/") ? rel.target.slice(1) : `xl/${rel.target}`;
      targetOf.set(sheet.name, target.toLowerCase());
    }
    const parsed = new Map<string, { cells?: SheetCells; problem?: Problem }>();
    const workbook: WorkbookFile = {
      file,
      sheets: book.sheets.map((s) => ({ name: s.name, state: s.state })),
      definedNames: book.definedNames,
      dateStyles,
      cells(sheet) {
        const known = parsed.get(sheet);
        if (known) return known;
        const text = texts.get(targetOf.get(sheet) ?? "");
        let result: { cells?: SheetCells; problem?: Problem };
        if (text === undefined) result = { problem: { ...refusal(file, "XLSX_MISSING_SHEET", `the sheet \`${sheet}\` has no content in the archive`), sheet } };
        else {
          try {
            const cells = parseSheet(text, shared, limits.maxCells);
            result = cells ? { cells } : { problem: { ...refusal(file, "XLSX_TOO_LARGE", `the sheet holds more than ${limits.maxCells} cells, the limit`), sheet } };
          } catch (error) {
            result = { problem: malformed(file, error) };
          }
        }
        parsed.set(sheet, result);
        return result;
      },
    };
    return { workbook, problems: [] };
  } catch (error) {
    return { problems: [malformed(file, error)] };
  }
}

function malformed(file: string, error: unknown): Problem {
  return refusal(file, "XLSX_NOT_A_WORKBOOK", `a part of the workbook is not well-formed XML (${String((error as Error).message).split("\n")[0]!.slice(0, 120)})`, "save the workbook again from Excel or LibreOffice");
}

function partText(bytes: Uint8Array, entry: ZipEntry, file: string): string | Problem {
  const inflated = inflateEntry(bytes, entry);
  if ("refusal" in inflated) return refusal(file, inflated.refusal.code, inflated.refusal.message, inflated.refusal.hint);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(inflated.data);
  } catch {
    return refusal(file, "XLSX_NOT_A_WORKBOOK", `the part ${JSON.stringify(entry.name.slice(0, 80))} is not UTF-8 text`, "save the workbook again from Excel or LibreOffice");
  }
}
