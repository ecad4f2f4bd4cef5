import type { Cell, DataValidation, Workbook, Worksheet } from "exceljs";
import type { Criterion, Rubric } from "../../core/rubric.js";
import { localise } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { digestOf } from "../../io/rubric-digest.js";
import { AGENCY_ROWS, GROUP_HEADER_ROW, GROUP_ROW, GROUP_ROWS, HEADER_ROW, MARKER_SHEET, questionnaireColumns } from "../../io/xlsx-marker.js";
import { addMarkerSheet, finishWorkbook, newWorkbook, sheetName, sheetViews, xlsxText } from "../../render/xlsx-book.js";
import type { RenderContext } from "../../render/context.js";

/** What the questionnaire is for: the same as the YAML template's options. */
export interface QuestionnaireOptions {
  lang: string;
  agencyId: string;
  agencyName?: string;
  date: string;
  /** How the workbook names its rubric: `egov-maturity@2` or a path (relative to the workbook's folder). */
  rubricRef: string;
  /** The file name the instructions tell the agency to send back. */
  fileName?: string;
}

const ANSWER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } } as const;
const WIDTHS: Record<string, number> = { id: 24, criterion: 30, question: 45, evidenceAsked: 30, answer: 24, naReason: 26, evidenceUrl: 32, evidenceDate: 14, notes: 32 };

/** A number criterion's declared admissible range (`range: [min|null, max|null]`), when the rubric has one. */
function declaredRange(criterion: Criterion): [number | null, number | null] | undefined {
  const range: unknown = (criterion as { range?: unknown }).range;
  if (!Array.isArray(range) || range.length !== 2) return undefined;
  const [min, max] = range as unknown[];
  const bound = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  return [bound(min), bound(max)];
}

/** The answers a level criterion's drop-down offers: "Established (3)". */
export function levelChoices(rubric: Rubric, lang: string): string[] {
  return rubric.scale.map((s) => `${localise(s.label, lang, rubric.languages[0] ?? "en")} (${s.value})`);
}

function numberRule(criterion: Criterion, lang: string): { text: string; validation: DataValidation } {
  const unit = criterion.unit ? ` (${criterion.unit})` : "";
  const [min, max] = declaredRange(criterion) ?? [null, null];
  const text =
    min !== null && max !== null ? t(lang, "xlsx.numberRange", { min, max, unit }) : min !== null ? t(lang, "xlsx.numberMin", { min, unit }) : max !== null ? t(lang, "xlsx.numberMax", { max, unit }) : t(lang, "xlsx.number", { unit });
  const validation: DataValidation =
    min !== null && max !== null
      ? { type: "decimal", operator: "between", formulae: [min, max] }
      : min !== null
        ? { type: "decimal", operator: "greaterThanOrEqual", formulae: [min] }
        : max !== null
          ? { type: "decimal", operator: "lessThanOrEqual", formulae: [max] }
          : { type: "decimal", operator: "between", formulae: [-1e15, 1e15] };
  return { text, validation: { ...validation, allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: t(lang, "xlsx.pickTitle"), error: t(lang, "xlsx.badNumber", { what: text }), showInputMessage: true, promptTitle: t(lang, "xlsx.pickTitle"), prompt: text } };
}

function editable(cell: Cell): void {
  cell.protection = { locked: false };
  cell.fill = ANSWER_FILL;
  cell.border = { top: { style: "thin", color: { argb: "FFBF9000" } }, bottom: { style: "thin", color: { argb: "FFBF9000" } }, left: { style: "thin", color: { argb: "FFBF9000" } }, right: { style: "thin", color: { argb: "FFBF9000" } } };
}

async function protect(sheet: Worksheet): Promise<void> {
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function addInstructions(book: Workbook, rubric: Rubric, options: QuestionnaireOptions, names: { agency: string; instructions: string }): void {
  const lang = options.lang;
  const sheet = book.addWorksheet(names.instructions, { views: sheetViews(lang) });
  sheet.getColumn(1).width = 100;
  const title = `${localise(rubric.title, lang, rubric.languages[0] ?? "en")} ${rubric.version}`;
  sheet.addRow([t(lang, "xlsx.guide.title", { rubric: title })]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const slots = { agency: names.agency, answer: t(lang, "xlsx.col.answer"), na: t(lang, "xlsx.col.naReason"), url: t(lang, "xlsx.col.evidenceUrl"), file: options.fileName ?? `${options.agencyId}.xlsx` };
  for (const key of ["xlsx.guide.1", "xlsx.guide.2", "xlsx.guide.3", "xlsx.guide.4", "xlsx.guide.5", "xlsx.guide.6"] as const) {
    sheet.addRow([t(lang, key, slots)]).alignment = { wrapText: true, vertical: "top" };
  }
}

function addAgencySheet(book: Workbook, rubric: Rubric, options: QuestionnaireOptions, name: string): Worksheet {
  const lang = options.lang;
  const sheet = book.addWorksheet(name, { views: sheetViews(lang) });
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 48;
  sheet.getCell("A1").value = `${localise(rubric.title, lang, rubric.languages[0] ?? "en")} — ${rubric.id} ${rubric.version}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  const fields: [keyof typeof AGENCY_ROWS, string, string][] = [
    ["id", t(lang, "xlsx.field.id"), options.agencyId],
    ["name", t(lang, "xlsx.field.name"), options.agencyName ?? ""],
    ["assessor", t(lang, "assessor"), ""],
    ["date", `${t(lang, "date")} (${t(lang, "xlsx.dateHint")})`, options.date],
  ];
  for (const [key, label, value] of fields) {
    const row = AGENCY_ROWS[key];
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).font = { bold: true };
    const cell = sheet.getCell(row, 2);
    cell.value = xlsxText(value);
    cell.numFmt = "@";
    editable(cell);
  }
  sheet.getCell(GROUP_HEADER_ROW, 1).value = t(lang, "xlsx.field.groups");
  sheet.getCell(GROUP_HEADER_ROW, 1).font = { bold: true };
  const suggested = ["sector", "region", "level"];
  for (let k = 0; k < GROUP_ROWS; k++) {
    for (const col of [1, 2]) {
      const cell = sheet.getCell(GROUP_ROW + k, col);
      cell.numFmt = "@";
      if (col === 1 && suggested[k]) cell.value = suggested[k]!;
      editable(cell);
    }
  }
  return sheet;
}

function addDimensionSheet(book: Workbook, rubric: Rubric, dimensionIndex: number, name: string, lang: string): void {
  const dimension = rubric.dimensions[dimensionIndex]!;
  const fallback = rubric.languages[0] ?? "en";
  const tx = (text: Parameters<typeof localise>[0]) => xlsxText(localise(text, lang, fallback));
  const sheet = book.addWorksheet(name, { views: sheetViews(lang, HEADER_ROW) });
  const columns = questionnaireColumns(rubric);
  sheet.getCell("A1").value = `${tx(dimension.title)} (${dimension.id})`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  if (dimension.description !== undefined) sheet.getCell("A2").value = tx(dimension.description);
  const headers = columns.map((key) => (key.startsWith("level:") ? levelChoices(rubric, lang)[rubric.scale.findIndex((s) => `level:${s.value}` === key)]! : headerText(key, lang)));
  const header = sheet.getRow(HEADER_ROW);
  header.values = headers;
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: "middle" };
  columns.forEach((key, i) => (sheet.getColumn(i + 1).width = WIDTHS[key] ?? 28));
  const at = (key: string) => columns.indexOf(key) + 1;
  const levels = rubric.scale.length;
  dimension.criteria.forEach((criterion, k) => {
    const row = sheet.getRow(HEADER_ROW + 1 + k);
    row.getCell(at("id")).value = criterion.id;
    row.getCell(at("criterion")).value = tx(criterion.title) + (criterion.weight !== 1 ? ` (${t(lang, "xlsx.col.weight")} ${criterion.weight})` : "");
    if (criterion.question !== undefined) row.getCell(at("question")).value = tx(criterion.question);
    if (criterion.evidence !== undefined) row.getCell(at("evidenceAsked")).value = tx(criterion.evidence);
    const answer = row.getCell(at("answer"));
    editable(answer);
    // Each cell's rule names its criterion: equal rules would be merged by exceljs into ranges that overlap.
    const choice = (title: string, formula: string): DataValidation => ({ type: "list", allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: "stop", errorTitle: title, error: t(lang, "xlsx.pick"), showInputMessage: true, promptTitle: title, prompt: `${criterion.id}: ${t(lang, "xlsx.pick")}` });
    if (criterion.type === "level") {
      rubric.scale.forEach((s, i) => (row.getCell(at(`level:${s.value}`)).value = tx(criterion.levels?.[String(s.value)])));
      answer.dataValidation = choice(t(lang, "xlsx.pickTitle"), `'${MARKER_SHEET}'!$D$1:$D$${levels}`);
    } else if (criterion.type === "boolean") {
      row.getCell(at(`level:${rubric.scale[0]!.value}`)).value = t(lang, "xlsx.yesNo");
      answer.dataValidation = choice(t(lang, "xlsx.pickTitle"), `'${MARKER_SHEET}'!$E$1:$E$2`);
    } else {
      const rule = numberRule(criterion, lang);
      row.getCell(at(`level:${rubric.scale[0]!.value}`)).value = rule.text;
      answer.dataValidation = { ...rule.validation, prompt: `${criterion.id}: ${rule.text}` };
    }
    for (const key of ["naReason", "evidenceUrl", "evidenceDate", "notes"]) {
      const cell = row.getCell(at(key));
      cell.numFmt = "@";
      editable(cell);
    }
    row.alignment = { wrapText: true, vertical: "top" };
  });
}

/** The header of a questionnaire column in a language. */
export function headerText(key: string, lang: string): string {
  switch (key) {
    case "id":
      return t(lang, "xlsx.col.id");
    case "criterion":
      return t(lang, "criterion");
    case "question":
      return t(lang, "xlsx.col.question");
    case "evidenceAsked":
      return t(lang, "xlsx.col.evidenceAsked");
    case "answer":
      return t(lang, "xlsx.col.answer");
    case "naReason":
      return t(lang, "xlsx.col.naReason");
    case "evidenceUrl":
      return t(lang, "xlsx.col.evidenceUrl");
    case "evidenceDate":
      return t(lang, "xlsx.col.evidenceDate");
    default:
      return t(lang, "notes");
  }
}

/**
 * `init --format xlsx`: the questionnaire workbook of one agency in one language. An instructions
 * sheet, the agency's details, one sheet per dimension (a row per criterion: id, title, question,
 * every level's descriptor, what evidence to give, then the cells to fill: answer with a drop-down
 * or a number rule, N/A reason, evidence URL and date, notes). Only those cells are editable; the
 * sheets are protected without a password and the workbook's structure is locked. Right-to-left
 * sheets in Arabic. A very hidden sheet names the kind, the rubric and its digest.
 */
export async function questionnaireWorkbook(rubric: Rubric, options: QuestionnaireOptions, ctx: RenderContext): Promise<Uint8Array> {
  const lang = options.lang;
  const book = await newWorkbook(ctx);
  const taken = new Set<string>([MARKER_SHEET.toLowerCase()]);
  const names = { instructions: sheetName(t(lang, "xlsx.sheet.instructions"), taken), agency: sheetName(t(lang, "xlsx.sheet.agency"), taken) };
  const dimensionSheets = rubric.dimensions.map((d) => sheetName(localise(d.title, lang, rubric.languages[0] ?? "en"), taken));
  addInstructions(book, rubric, options, names);
  const agency = addAgencySheet(book, rubric, options, names.agency);
  rubric.dimensions.forEach((_, i) => addDimensionSheet(book, rubric, i, dimensionSheets[i]!, lang));
  const marker = addMarkerSheet(book, "questionnaire", [
    ["rubric", options.rubricRef],
    ["rubric-id", `${rubric.id}@${rubric.version}`],
    ["digest", digestOf(rubric)],
    ["lang", lang],
    ["sheet:agency", names.agency],
    ...rubric.dimensions.map((d, i) => [`dimension:${d.id}`, dimensionSheets[i]!] as const),
  ]);
  levelChoices(rubric, lang).forEach((label, i) => (marker.getCell(i + 1, 4).value = label));
  marker.getCell(1, 5).value = t(lang, "xlsx.yes");
  marker.getCell(2, 5).value = t(lang, "xlsx.no");
  for (const sheet of book.worksheets) {
    if (sheet.name === MARKER_SHEET) continue;
    // Printed on A4 landscape, one page wide: a questionnaire is also read on paper.
    sheet.pageSetup = { ...sheet.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    await protect(sheet);
  }
  await protect(marker);
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: agency.id - 1, visibility: "visible" }];
  return finishWorkbook(book, ctx, { lockStructure: true });
}
