import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Rubric } from "../../src/core/rubric.js";
import { localise } from "../../src/core/text.js";
import type { RenderContext } from "../../src/render/context.js";

export function fixedContext(lang: string): RenderContext {
  return { lang, color: false, toolVersion: "0.0.0-test", now: new Date("2026-11-21T00:00:00Z"), width: 80 };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "egov-xlsx-"));
}

/** One planned answer: what to type in the workbook, and the same answer in YAML. */
export interface PlannedAnswer {
  id: string;
  cell?: string | number | boolean;
  na?: string;
  url?: string;
  date?: string;
  notes?: string;
  yaml: unknown;
}

const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const arabicDigits = (text: string) => text.replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]!).replace(".", "٫");

/**
 * Answers for every criterion of a rubric, typed the ways a person would in `lang`: drop-down
 * labels ("Established (3)"), bare numbers, labels alone, Arabic-Indic digits; yes/no; numbers;
 * one N/A with its reason; evidence and notes on some.
 */
export function planAnswers(rubric: Rubric, lang: string): PlannedAnswer[] {
  const plan: PlannedAnswer[] = [];
  let k = 0;
  for (const d of rubric.dimensions) {
    for (const c of d.criteria) {
      k++;
      const extra: Partial<PlannedAnswer> = k % 7 === 0 ? { url: `https://example.gov/${c.id}`, date: "2026-10-12", notes: lang === "ar" ? "ملاحظة على المعيار" : "A note" } : {};
      if (k === 5) {
        plan.push({ id: c.id, na: lang === "ar" ? "لا تقدّم الجهة هذه الخدمة" : "The agency does not offer this service", yaml: { na: lang === "ar" ? "لا تقدّم الجهة هذه الخدمة" : "The agency does not offer this service" } });
        continue;
      }
      if (k % 11 === 0) continue;
      let cell: string | number | boolean;
      let value: number | boolean;
      if (c.type === "level") {
        const step = rubric.scale[k % rubric.scale.length]!;
        value = step.value;
        const label = localise(step.label, lang, "en");
        cell = [`${label} (${step.value})`, step.value, label, arabicDigits(String(step.value))][k % 4]!;
      } else if (c.type === "boolean") {
        value = k % 2 === 0;
        cell = value ? (lang === "ar" ? "نعم" : "Yes") : lang === "ar" ? "لا" : "No";
      } else {
        const lo = c.min ?? c.bands?.[c.bands.length - 1]?.min ?? 0;
        const hi = c.max ?? (c.bands?.[0]?.min ?? 100) * 1.5;
        value = Math.round((lo + ((hi - lo) * (k % 5)) / 4) * 10) / 10;
        cell = lang === "ar" && k % 2 === 0 ? arabicDigits(String(value)) : value;
      }
      const yaml: Record<string, unknown> = { [c.type === "level" ? "level" : "value"]: value };
      if (extra.url) yaml.evidence = [{ url: extra.url, date: extra.date }];
      if (extra.notes) yaml.notes = extra.notes;
      plan.push({ id: c.id, cell, ...extra, yaml });
    }
  }
  return plan;
}

/** Fills a questionnaire workbook as a person would in Excel (with exceljs), and returns the saved bytes. */
export async function fillQuestionnaire(bytes: Uint8Array, plan: readonly PlannedAnswer[], agency: { assessor?: string; groups?: Record<string, string> }, edit?: (book: import("exceljs").Workbook) => void): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const marker = book.getWorksheet("_egov")!;
  const meta = new Map<string, string>();
  marker.eachRow((row) => meta.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  const agencySheet = book.getWorksheet(meta.get("sheet:agency")!)!;
  if (agency.assessor) agencySheet.getCell("B5").value = agency.assessor;
  Object.entries(agency.groups ?? {}).forEach(([key, value], i) => {
    agencySheet.getCell(9 + i, 1).value = key;
    agencySheet.getCell(9 + i, 2).value = value;
  });
  const byId = new Map(plan.map((p) => [p.id, p]));
  for (const [key, name] of meta) {
    if (!key.startsWith("dimension:")) continue;
    const sheet = book.getWorksheet(name)!;
    const headers = (sheet.getRow(3).values as unknown[]).map((v) => String(v ?? ""));
    const col = (n: number) => n; // headers are 1-based in exceljs' values array
    const answerCol = col(headers.length - 5);
    sheet.eachRow((row, r) => {
      if (r <= 3) return;
      const p = byId.get(String(row.getCell(1).value));
      if (!p) return;
      if (p.cell !== undefined) row.getCell(answerCol).value = p.cell;
      if (p.na) row.getCell(answerCol + 1).value = p.na;
      if (p.url) row.getCell(answerCol + 2).value = p.url;
      if (p.date) row.getCell(answerCol + 3).value = p.date;
      if (p.notes) row.getCell(answerCol + 4).value = p.notes;
    });
  }
  edit?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The text of a part of an xlsx (through `unzip -p`). */
export function partOf(file: string, part: string): string {
  return execFileSync("unzip", ["-p", file, part], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** The equivalent YAML assessment of a plan. */
export function yamlOf(plan: readonly PlannedAnswer[], head: Record<string, unknown>): string {
  const answers = Object.fromEntries(plan.map((p) => [p.id, p.yaml]));
  return JSON.stringify({ ...head, answers }, null, 1);
}
