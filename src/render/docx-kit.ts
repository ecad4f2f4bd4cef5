import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from "docx";
import type { RenderContext } from "./context.js";
import { isRtl } from "./html-page.js";
import { inflateEntry, readZipDirectory, writeZip } from "../io/xlsx-zip.js";

/**
 * Word documents from plain texts: headings in Word's own heading styles (Heading1, Heading2, so a
 * client's template and table of contents pick them up), tables, bars as shaded cells, and right to
 * left paragraphs, runs and tables for Arabic. No macros, no fields, no pictures. Texts are plain
 * strings; the library escapes them for XML (characters XML forbids are removed first).
 */

/** Characters XML 1.0 forbids, and the bidi overrides a file's text must not smuggle in. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A file's text made safe for a Word document (and one line: tabs and newlines fold into spaces). */
export function wordText(text: string): string {
  return text.replace(UNSAFE, "").replace(/[\t\r\n]+/g, " ");
}

/** The direction of a text by its first strong letter: Arabic/Hebrew script → rtl, a Latin letter → ltr, none → undefined. */
export function firstStrong(text: string): "rtl" | "ltr" | undefined {
  const m = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text);
  if (m === null) return undefined;
  return /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/.test(m[0]) ? "ltr" : "rtl";
}

/** Colours of the document (hex without '#'). */
export const COLOURS = { accent: "1F6FB2", target: "C2410C", track: "E8ECF1", gap: "FBD5B5", ok: "15803D", bad: "B91C1C", muted: "5B6675", draft: "FEF3C7", head: "EEF2F7" };

/** The writing direction of a document, and the pieces built in it. */
export class DocxWriter {
  readonly rtl: boolean;
  constructor(readonly lang: string) {
    this.rtl = isRtl(lang);
  }

  /** A run of text: right to left in an Arabic document, unless the text itself starts with a Latin letter. */
  run(text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun {
    const clean = wordText(text);
    const rtl = this.rtl && firstStrong(clean) !== "ltr";
    // A Latin island inside an Arabic paragraph is isolated (FSI … PDI) so its full stop stays at its end.
    const body = this.rtl && !rtl ? `\u2068${clean}\u2069` : clean;
    return new TextRun({ text: body, rightToLeft: rtl, bold: opts.bold ?? false, italics: opts.italics ?? false, ...(opts.color ? { color: opts.color } : {}), ...(opts.size ? { size: opts.size, sizeComplexScript: opts.size } : {}) });
  }

  /** A paragraph of one or more runs (strings become runs); its direction follows the document, or the text when it is all Latin. */
  para(parts: readonly (string | TextRun)[], opts: { bold?: boolean; color?: string; size?: number; shade?: string; keepNext?: boolean; align?: "start" | "end" } = {}): Paragraph {
    const children = parts.map((p) => (typeof p === "string" ? this.run(p, opts) : p));
    const plain = parts.filter((p): p is string => typeof p === "string").join(" ");
    const bidi = this.rtl && firstStrong(plain) !== "ltr";
    return new Paragraph({
      children,
      bidirectional: bidi,
      keepNext: opts.keepNext ?? false,
      spacing: { after: 80 },
      ...(opts.align === "end" ? { alignment: AlignmentType.END } : {}),
      ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: opts.shade } } : {}),
    });
  }

  /** A heading in Word's heading style of `level` (1 or 2), or the Title style. */
  heading(text: string, level: 1 | 2 | "title"): Paragraph {
    const style = level === "title" ? HeadingLevel.TITLE : level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
    return new Paragraph({ heading: style, bidirectional: this.rtl, keepNext: true, children: [this.run(text)] });
  }

  /** Several paragraphs from a text with blank lines between them. */
  paragraphs(text: string): Paragraph[] {
    return text.split(/\n\s*\n/).map((p) => this.para([p.trim().replace(/\s*\n\s*/g, " ")]));
  }

  pageBreak(): Paragraph {
    return new Paragraph({ children: [new PageBreak()] });
  }

  /** A cell of text (or of given paragraphs/tables), optionally shaded and spanning columns. */
  cell(content: string | readonly (Paragraph | Table)[], opts: { bold?: boolean; shade?: string; span?: number; width?: number; color?: string; align?: "start" | "end" } = {}): TableCell {
    const children = typeof content === "string" ? [this.para([content], opts)] : [...content];
    return new TableCell({
      children,
      ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: opts.shade } } : {}),
      ...(opts.span ? { columnSpan: opts.span } : {}),
      ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  }

  /** A full-width table: a header row (repeated on every page) and rows of cells; right to left in Arabic. */
  table(head: readonly string[], rows: readonly (readonly (string | TableCell)[])[], widths?: readonly number[]): Table {
    const headRow = new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => this.cell(h, { bold: true, shade: COLOURS.head, ...(widths?.[i] ? { width: widths[i] } : {}) })) });
    const body = rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => (typeof c === "string" ? this.cell(c, widths?.[i] ? { width: widths[i] } : {}) : c)) }));
    return new Table({ rows: [headRow, ...body], width: { size: 100, type: WidthType.PERCENTAGE }, visuallyRightToLeft: this.rtl });
  }

  /**
   * A bar as a row of 20 shaded cells (no picture, so no rasteriser and still editable): the score
   * filled, the gap up to the target shaded light orange, the target's cell marked by an orange edge.
   */
  bar(value: number | null, target?: number | null): Table {
    const n = 20;
    const filled = value === null ? 0 : Math.round(Math.max(0, Math.min(1, value)) * n);
    const goal = target === null || target === undefined ? null : Math.round(Math.max(0, Math.min(1, target)) * n);
    const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
    const cells = Array.from({ length: n }, (_, i) => {
      const fill = i < filled ? COLOURS.accent : goal !== null && i < goal ? COLOURS.gap : COLOURS.track;
      const edge = goal !== null && goal > 0 && i === goal - 1 ? { style: BorderStyle.SINGLE, size: 18, color: COLOURS.target } : none;
      return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: "", size: 8 })], spacing: { after: 0 } })], shading: { type: ShadingType.CLEAR, color: "auto", fill }, borders: { top: none, bottom: none, left: this.rtl ? edge : none, right: this.rtl ? none : edge } });
    });
    return new Table({ rows: [new TableRow({ children: cells, height: { value: 160, rule: "exact" } })], width: { size: 100, type: WidthType.PERCENTAGE }, visuallyRightToLeft: this.rtl, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none } });
  }
}

/**
 * The document's bytes: A4 portrait (Word and LibreOffice switch to Letter by the printer's paper),
 * fonts that have Arabic glyphs, and the package made deterministic — the creation and modification
 * dates and every zip entry's time from the render context's clock.
 */
export async function packDocx(children: readonly FileChild[], meta: { title: string; description: string; lang: string }, ctx: RenderContext): Promise<Uint8Array> {
  const doc = new Document({
    creator: `egov-maturity ${ctx.toolVersion}`,
    lastModifiedBy: `egov-maturity ${ctx.toolVersion}`,
    title: wordText(meta.title),
    description: wordText(meta.description),
    revision: 1,
    styles: {
      default: {
        document: { run: { font: { ascii: "Calibri", hAnsi: "Calibri", cs: "Arial" }, size: 21, sizeComplexScript: 22 } },
        heading1: { run: { size: 30, sizeComplexScript: 30, bold: true, color: "1B2430" }, paragraph: { spacing: { before: 280, after: 120 } } },
        heading2: { run: { size: 25, sizeComplexScript: 25, bold: true, color: "1B2430" }, paragraph: { spacing: { before: 200, after: 80 } } },
        title: { run: { size: 40, sizeComplexScript: 40, bold: true, color: "1B2430" } },
      },
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } }, children: [...children] }],
  });
  const written = new Uint8Array(await Packer.toBuffer(doc));
  const limits = { maxEntries: 10_000, maxEntryBytes: 2 ** 31, maxTotalBytes: 2 ** 32, maxRatio: Infinity, ratioFloorBytes: 0 };
  const directory = readZipDirectory(written, limits);
  if ("refusal" in directory) throw new Error(`docx wrote an unreadable zip: ${directory.refusal.message}`);
  const stamp = ctx.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const parts = directory.entries.map((entry) => {
    const inflated = inflateEntry(written, entry);
    if ("refusal" in inflated) throw new Error(`docx wrote an unreadable part: ${inflated.refusal.message}`);
    if (entry.name !== "docProps/core.xml") return { name: entry.name, data: inflated.data };
    const text = new TextDecoder().decode(inflated.data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
    return { name: entry.name, data: new TextEncoder().encode(text) };
  });
  return writeZip(parts, ctx.now);
}
