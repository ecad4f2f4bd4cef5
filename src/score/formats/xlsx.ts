import type { Worksheet } from "exceljs";
import { t } from "../../i18n/index.js";
import { digestOf } from "../../io/rubric-digest.js";
import type { RenderContext } from "../../render/context.js";
import { addMarkerSheet, finishWorkbook, newWorkbook, sheetName, sheetViews, xlsxText } from "../../render/xlsx-book.js";
import type { BinaryRenderer } from "../../render/renderer.js";
import type { Batch } from "../batch.js";
import { batchTexts, groupKeys } from "./common.js";

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } } as const;
/** Red (0) → amber → green (1), fixed at 0, 0.5 and 1 so that colours mean the same in every workbook. */
const COLOUR_SCALE = {
  type: "colorScale",
  priority: 1,
  cfvo: [
    { type: "num", value: 0 },
    { type: "num", value: 0.5 },
    { type: "num", value: 1 },
  ],
  color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }],
} as const;

function header(sheet: Worksheet, values: string[]): void {
  const row = sheet.getRow(1);
  row.values = values.map(xlsxText);
  row.font = { bold: true, color: { argb: "FFFFFFFF" } };
  row.fill = HEADER_FILL;
  row.alignment = { wrapText: true, vertical: "middle" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: values.length } };
}

function colourScale(sheet: Worksheet, fromCol: number, toCol: number, rows: number): void {
  if (rows === 0 || toCol < fromCol) return;
  const col = (n: number) => sheet.getColumn(n).letter;
  sheet.addConditionalFormatting({ ref: `${col(fromCol)}2:${col(toCol)}${rows + 1}`, rules: [{ ...COLOUR_SCALE, cfvo: [...COLOUR_SCALE.cfvo], color: [...COLOUR_SCALE.color] }] });
}

function scoreFormat(sheet: Worksheet, fromCol: number, toCol: number, format: string): void {
  for (let c = fromCol; c <= toCol; c++) sheet.getColumn(c).numFmt = format;
}

/**
 * `score --format xlsx`: the batch as a workbook for planners. Ranking (rank, id, agency, every
 * group key, index, class, stage, blocked by, every dimension), a heatmap of agencies ×
 * dimensions, the groups of --group-by, the common gaps, and a summary; scores are numbers
 * (percent format) with red-amber-green colour scales, headers frozen with filters, Arabic
 * sheets right to left. The same batch and clock give the same bytes.
 */
export const renderBatchXlsx: BinaryRenderer<Batch> = async (batch, ctx: RenderContext) => {
  const lang = ctx.lang;
  const book = await newWorkbook(ctx);
  const rubric = batch.rubric;
  const taken = new Set<string>(["_egov"]);
  const name = (key: Parameters<typeof t>[1]) => sheetName(t(lang, key), taken);
  const format = rubric?.display === "fraction" ? "0.0000" : "0.0%";
  if (rubric !== null) {
    const x = batchTexts(rubric, lang);
    const keys = groupKeys(batch);
    const dims = rubric.dimensions;
    const fmt = (s: number | null) => (s === null ? "—" : format === "0.0%" ? `${(s * 100).toFixed(1)}%` : s.toFixed(4));

    const ranking = book.addWorksheet(name("xlsx.sheet.ranking"), { views: sheetViews(lang, 1) });
    const fixed = [t(lang, "batch.rank"), t(lang, "xlsx.col.id"), t(lang, "agency"), ...keys, t(lang, "index"), t(lang, "class"), t(lang, "stage"), t(lang, "blockedBy")];
    header(ranking, [...fixed, ...dims.map((d) => x.text(d.title) || d.id)]);
    for (const a of batch.results) {
      ranking.addRow([a.rank, a.id, x.agencyName(a), ...keys.map((k) => a.groups[k] ?? ""), a.index, x.classLabel(a.classification), a.stage === null ? t(lang, "none") : x.dimTitle(a.stage), x.blocked(a, fmt), ...a.dimensions].map((v) => (typeof v === "string" ? xlsxText(v) : v)));
    }
    const indexCol = 4 + keys.length;
    scoreFormat(ranking, indexCol, indexCol, format);
    scoreFormat(ranking, fixed.length + 1, fixed.length + dims.length, format);
    colourScale(ranking, indexCol, indexCol, batch.results.length);
    colourScale(ranking, fixed.length + 1, fixed.length + dims.length, batch.results.length);
    ranking.columns.forEach((c, i) => (c.width = i === 2 ? 36 : i < fixed.length ? 16 : 14));

    const heatmap = book.addWorksheet(name("xlsx.sheet.heatmap"), { views: sheetViews(lang, 1) });
    header(heatmap, [t(lang, "agency"), ...dims.map((d) => x.text(d.title) || d.id)]);
    for (const a of batch.results) heatmap.addRow([xlsxText(x.agencyName(a)), ...a.dimensions]);
    scoreFormat(heatmap, 2, 1 + dims.length, format);
    colourScale(heatmap, 2, 1 + dims.length, batch.results.length);
    heatmap.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 14));

    if (batch.groupBy !== null) {
      const groups = book.addWorksheet(name("xlsx.sheet.groups"), { views: sheetViews(lang, 1) });
      header(groups, [t(lang, "batch.group"), t(lang, "batch.rank"), t(lang, "batch.agencies"), `${t(lang, "index")} (${t(lang, "batch.mean")})`, ...dims.map((d) => x.text(d.title) || d.id)]);
      for (const g of batch.groups) groups.addRow([xlsxText(x.groupName(batch, g.value)), g.rank, g.rollup.agencies, g.rollup.index.mean, ...g.rollup.dimensions.map((d) => d.mean)]);
      scoreFormat(groups, 4, 4 + dims.length, format);
      colourScale(groups, 4, 4 + dims.length, batch.groups.length);
      groups.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 14));
    }

    const gaps = book.addWorksheet(name("xlsx.sheet.gaps"), { views: sheetViews(lang, 1) });
    header(gaps, [t(lang, "xlsx.col.id"), t(lang, "criterion"), t(lang, "dimension"), t(lang, "xlsx.gaps.count"), t(lang, "batch.share")]);
    for (const g of batch.summary?.commonGaps ?? []) gaps.addRow([g.criterion, xlsxText(x.criterionTitle(g.criterion)), xlsxText(x.dimTitle(g.dimension)), g.agencies, g.share]);
    gaps.getColumn(5).numFmt = "0.0%";
    gaps.columns.forEach((c, i) => (c.width = i === 1 ? 48 : i === 0 ? 32 : 18));

    const summary = book.addWorksheet(name("xlsx.sheet.summary"), { views: sheetViews(lang) });
    summary.getColumn(1).width = 40;
    for (let c = 2; c <= 5; c++) summary.getColumn(c).width = 14;
    const put = (label: string, ...values: (string | number | null)[]) => summary.addRow([xlsxText(label), ...values]);
    summary.addRow([xlsxText(`${x.text(rubric.title)} — ${rubric.id}@${rubric.version} (${digestOf(rubric)})`)]).font = { bold: true, size: 14 };
    put(t(lang, "xlsx.summary.generated"), ctx.now.toISOString().slice(0, 10));
    put(t(lang, "xlsx.summary.agencies"), batch.agencies);
    put(t(lang, "xlsx.summary.problems"), batch.errors.length);
    summary.addRow([]);
    const stats = summary.addRow([t(lang, "dimension"), t(lang, "batch.mean"), t(lang, "batch.sd"), t(lang, "batch.min"), t(lang, "batch.max")]);
    stats.font = { bold: true };
    const numbers = (row: ReturnType<typeof put>) => [2, 3, 4, 5].forEach((c) => (row.getCell(c).numFmt = format));
    if (batch.summary) {
      numbers(put(t(lang, "index"), batch.summary.index.mean, batch.summary.index.sd, batch.summary.index.min, batch.summary.index.max));
      for (const d of batch.summary.dimensions) numbers(put(x.dimTitle(d.id), d.mean, d.sd, d.min, d.max));
      summary.addRow([]);
      summary.addRow([t(lang, "batch.byStage"), t(lang, "batch.agencies")]).font = { bold: true };
      for (const s of batch.summary.stages) put(s.id === null ? t(lang, "none") : x.dimTitle(s.id), s.count);
      summary.addRow([]);
      summary.addRow([t(lang, "batch.byClass"), t(lang, "batch.agencies")]).font = { bold: true };
      for (const c of batch.summary.classes) put(x.classLabel(c.id), c.count);
    }
    addMarkerSheet(book, "results", [
      ["rubric-id", `${rubric.id}@${rubric.version}`],
      ["digest", digestOf(rubric)],
      ["lang", lang],
    ]);
  } else {
    const summary = book.addWorksheet(name("xlsx.sheet.summary"), { views: sheetViews(lang) });
    summary.addRow([t(lang, "batch.noAgency")]);
    addMarkerSheet(book, "results", [["lang", lang]]);
  }
  for (const sheet of book.worksheets) if (sheet.state === "visible") sheet.pageSetup = { ...sheet.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return finishWorkbook(book, ctx, { lockStructure: false });
};
