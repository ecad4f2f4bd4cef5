/**
 * Hostile workbooks, made in the test (nothing big is committed): a small valid workbook packed
 * by hand, then bent — lying sizes, bombs, entities, macros, links, climbing paths, formulas.
 */
import { deflateRawSync } from "node:zlib";
import { crc32, writeZip } from "../../../src/io/xlsx-zip.js";

export type Parts = Record<string, string | Uint8Array>;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A table workbook (one sheet: header and rows of strings or numbers; `=...` strings become formulas). */
export function tableWorkbook(rows: (string | number)[][], extra: Parts = {}): Parts {
  const cells = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(String.fromCharCode(65 + c) + (r + 1), v)).join("")}</row>`)
    .join("");
  return {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Agencies" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`,
    ...extra,
  };
}

function cell(ref: string, value: string | number): string {
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  if (value.startsWith("=")) return `<c r="${ref}" t="str"><f>${text.slice(1)}</f><v>cached</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** Packs parts into a zip (deterministic). */
export function pack(parts: Parts): Uint8Array {
  return writeZip(Object.entries(parts).map(([name, data]) => ({ name, data: typeof data === "string" ? new TextEncoder().encode(data) : data })), new Date("2026-01-01T00:00:00Z"));
}

/** Rewrites the declared uncompressed size of one entry (central directory and local header): a lying zip. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const wanted = Buffer.from(name);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + wanted.length).equals(wanted)) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + wanted.length).equals(wanted)) out.writeUInt32LE(size, i + 24);
  }
  return new Uint8Array(out);
}

/** A zip with one part packed honestly but made of `bytes` zeros (a compression bomb). */
export function zeros(bytes: number): Uint8Array {
  return new Uint8Array(bytes);
}

export { crc32, deflateRawSync };
