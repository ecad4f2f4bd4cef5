import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { score } from "../../src/core/score.js";
import { questionnaireWorkbook } from "../../src/init/formats/xlsx.js";
import { loadAssessmentText } from "../../src/io/assessment-load.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import { reportFormats } from "../../src/report/formats/index.js";
import { BIN, rubricOf } from "../helpers.js";
import { fillQuestionnaire, fixedContext, partOf, planAnswers, tempDir, yamlOf } from "./helpers.js";

// Workbooks are built and read through the CLI: slow on a loaded machine, bounded here.
vi.setConfig({ testTimeout: 120_000 });

const rubric = rubricOf("egov-maturity@1");

async function questionnaire(lang: string): Promise<Uint8Array> {
  return questionnaireWorkbook(rubric, { lang, agencyId: "moh", agencyName: lang === "ar" ? "وزارة الصحة" : "Ministry of Health", date: "2026-11-01", rubricRef: "egov-maturity@1" }, fixedContext(lang));
}

describe("questionnaire workbook: init --format xlsx, filled in, read back", () => {
  for (const lang of ["en", "ar"]) {
    it(`gives the same report JSON as the equivalent YAML assessment (${lang})`, async () => {
      const dir = tempDir();
      const plan = planAnswers(rubric, lang);
      const filled = await fillQuestionnaire(await questionnaire(lang), plan, { assessor: "R. Haddad", groups: { sector: "health", region: "capital" } });
      const file = join(dir, "moh.xlsx");
      writeFileSync(file, filled);
      const fromXlsx = loadAssessmentsAny(file);
      expect(fromXlsx.problems).toEqual([]);
      const yaml = yamlOf(plan, { rubric: "egov-maturity@1", agency: { id: "moh", name: lang === "ar" ? "وزارة الصحة" : "Ministry of Health", groups: { sector: "health", region: "capital" } }, assessor: "R. Haddad", date: "2026-11-01", language: lang });
      const fromYaml = loadAssessmentText(yaml, join(dir, "moh.yaml"));
      expect(fromYaml.problems).toEqual([]);
      const render = (a: (typeof fromYaml.assessments)[number]) => reportFormats.json!(score(a.rubric, a.assessment), fixedContext(lang));
      expect(render(fromXlsx.assessments[0]!)).toBe(render(fromYaml.assessments[0]!));
      // Answers of every kind were given (not a report of an empty questionnaire).
      expect(fromXlsx.assessments[0]!.assessment.answers.size).toBeGreaterThan(50);
    });
  }

  for (const lang of ["en", "ar"]) {
    it(`through the built CLI: init --format xlsx, filled in, report --format json equals the YAML's (${lang})`, async () => {
      const dir = tempDir();
      const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const init = run(["init", "--format", "xlsx", "--rubric", "egov-maturity@1", "--lang", lang, "--agency", "moh", "--date", "2026-11-01", "--output", "moh.xlsx"]);
      expect(init.status).toBe(0);
      const plan = planAnswers(rubric, lang);
      writeFileSync(join(dir, "moh.xlsx"), await fillQuestionnaire(readFileSync(join(dir, "moh.xlsx")), plan, { assessor: "R. Haddad" }));
      writeFileSync(join(dir, "moh.yaml"), yamlOf(plan, { rubric: "egov-maturity@1", agency: { id: "moh" }, assessor: "R. Haddad", date: "2026-11-01", language: lang }));
      const fromXlsx = run(["report", "moh.xlsx", "--format", "json"]);
      const fromYaml = run(["report", "moh.yaml", "--format", "json"]);
      expect(fromXlsx.stderr).toBe("");
      expect(fromXlsx.status).toBe(0);
      expect(fromXlsx.stdout).toBe(fromYaml.stdout);
    });
  }

  it("is byte-for-byte the same for the same inputs and clock", async () => {
    expect(Buffer.from(await questionnaire("ar")).equals(Buffer.from(await questionnaire("ar")))).toBe(true);
  });

  it("offers drop-downs, locks everything but the answer cells, and is right-to-left in Arabic (sheet XML)", async () => {
    const dir = tempDir();
    for (const lang of ["en", "ar"]) {
      const file = join(dir, `${lang}.xlsx`);
      writeFileSync(file, await questionnaire(lang));
      const workbook = partOf(file, "xl/workbook.xml");
      expect(workbook).toContain('<workbookProtection lockStructure="1"/>');
      expect(workbook).toMatch(/name="_egov" state="veryHidden"/);
      // Sheet 3 is the first dimension (publication): a list drop-down on every level answer.
      const sheet = partOf(file, "xl/worksheets/sheet3.xml");
      expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="J4"><formula1>&apos;_egov&apos;!\$D\$1:\$D\$5<\/formula1>/);
      // One rule per answer cell, none overlapping.
      const ranges = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
      expect(ranges.every((r) => /^J\d+$/.test(r!))).toBe(true);
      expect(new Set(ranges).size).toBe(ranges.length);
      expect(sheet).toMatch(/<sheetProtection sheet="1"/);
      expect(sheet).not.toMatch(/hashValue|password/);
      expect(/rightToLeft="1"/.test(sheet)).toBe(lang === "ar");
      const marker = partOf(file, "xl/sharedStrings.xml");
      expect(marker).toContain(lang === "ar" ? "راسخ (3)" : "Established (3)");
      // A number criterion has a decimal rule, not a list.
      const all = [4, 5, 6, 7, 8, 9, 10].map((n) => partOf(file, `xl/worksheets/sheet${n}.xml`)).join("");
      expect(all).toMatch(/<dataValidation type="decimal"/);
    }
  });
});
