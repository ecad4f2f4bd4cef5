/**
 * The workbooks open in LibreOffice (Debian package libreoffice-calc): a filled-in questionnaire
 * saved again by LibreOffice still reads back as the same assessment, and the planner's workbook
 * converts to CSV with its scores. Skipped, with a message, where `soffice` is not installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score.js";
import { questionnaireWorkbook } from "../../src/init/formats/xlsx.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import { reportFormats } from "../../src/report/formats/index.js";
import { renderBatchXlsx } from "../../src/score/formats/xlsx.js";
import { runScore } from "../../src/score/run.js";
import { rubricOf } from "../helpers.js";
import { fillQuestionnaire, fixedContext, planAnswers, tempDir } from "./helpers.js";

function soffice(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).stdout.trim();
  return found === "" ? undefined : found;
}

const bin = soffice();
if (bin === undefined) console.warn("LibreOffice (soffice) is not installed: the LibreOffice workbook test is skipped (Debian: apt-get install libreoffice-calc)");

function convert(file: string, to: string, outdir: string): string {
  execFileSync(bin!, [`-env:UserInstallation=file://${join(outdir, "profile")}`, "--headless", "--convert-to", to, "--outdir", outdir, file], { stdio: "pipe", timeout: 180_000 });
  const base = file.split("/").pop()!.replace(/\.xlsx$/, "");
  return join(outdir, `${base}.${to.split(":")[0]}`);
}

describe.skipIf(bin === undefined)("workbooks in LibreOffice", () => {
  it("a questionnaire filled in and saved again by LibreOffice reads back as the same assessment (Arabic)", async () => {
    const rubric = rubricOf("egov-maturity@1");
    const dir = tempDir();
    const plan = planAnswers(rubric, "ar");
    const bytes = await questionnaireWorkbook(rubric, { lang: "ar", agencyId: "moh", date: "2026-11-01", rubricRef: "egov-maturity@1" }, fixedContext("ar"));
    const filled = join(dir, "moh.xlsx");
    writeFileSync(filled, await fillQuestionnaire(bytes, plan, { assessor: "R. Haddad", groups: { sector: "health" } }));
    const resaved = convert(filled, "xlsx", join(dir, "lo"));
    expect(existsSync(resaved)).toBe(true);
    const before = loadAssessmentsAny(filled);
    const after = loadAssessmentsAny(resaved);
    expect(after.problems).toEqual([]);
    const render = (a: (typeof before.assessments)[number]) => reportFormats.json!(score(a.rubric, a.assessment), fixedContext("ar"));
    expect(render(after.assessments[0]!)).toBe(render(before.assessments[0]!));
  }, 240_000);

  it("the planner's workbook opens and its ranking converts to CSV", async () => {
    const dir = tempDir();
    const { batch } = await runScore(["examples"], { groupBy: "sector" });
    const file = join(dir, "ranking.xlsx");
    writeFileSync(file, await renderBatchXlsx(batch, fixedContext("en")));
    const csv = readFileSync(convert(file, "csv", join(dir, "lo")), "utf8");
    expect(csv.split("\n")[0]).toMatch(/^Rank,Id,Agency,/);
    expect(csv).toContain(batch.results.at(0)!.id);
  }, 240_000);
});
