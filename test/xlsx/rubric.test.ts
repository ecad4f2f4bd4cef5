import { mkdirSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Rubric } from "../../src/core/rubric.js";
import { questionnaireWorkbook } from "../../src/init/formats/xlsx.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { ROOT } from "../helpers.js";
import { fillQuestionnaire, fixedContext, partOf, tempDir } from "./helpers.js";

// Workbooks are built and read through the CLI: slow on a loaded machine, bounded here.
vi.setConfig({ testTimeout: 120_000 });

function rubricIn(dir: string): Rubric {
  copyFileSync(join(ROOT, "test/fixtures/mini/rubric.yaml"), join(dir, "rubric.yaml"));
  return loadRubric("./rubric.yaml", dir).rubric!;
}

describe("a questionnaire knows its rubric", () => {
  it("made from a file rubric, it reads back against that file (relative to the workbook)", async () => {
    const dir = tempDir();
    const bytes = await questionnaireWorkbook(rubricIn(dir), { lang: "en", agencyId: "a1", date: "2026-11-01", rubricRef: "./rubric.yaml" }, fixedContext("en"));
    writeFileSync(join(dir, "a1.xlsx"), await fillQuestionnaire(bytes, [{ id: "pub.a", cell: "Established (3)", yaml: null }], {}));
    const load = loadAssessmentsAny(join(dir, "a1.xlsx"), { rubricRoot: dir });
    expect(load.problems).toEqual([]);
    expect(load.assessments[0]!.assessment.answers.get("pub.a")!.answer).toEqual({ kind: "level", level: 3 });
  });

  it("refuses a rubric of the same id@version whose content changed (XLSX_RUBRIC_CHANGED), unless --rubric says which", async () => {
    const dir = tempDir();
    const bytes = await questionnaireWorkbook(rubricIn(dir), { lang: "en", agencyId: "a1", date: "2026-11-01", rubricRef: "./rubric.yaml" }, fixedContext("en"));
    // The same workbook beside an edited copy of the rubric (same id@version, another weight).
    const other = tempDir();
    writeFileSync(join(other, "a1.xlsx"), bytes);
    writeFileSync(join(other, "rubric.yaml"), readFileSync(join(dir, "rubric.yaml"), "utf8").replace("weight: 2", "weight: 5"));
    expect(loadAssessmentsAny(join(other, "a1.xlsx"), { rubricRoot: other }).problems.map((p) => p.code)).toEqual(["XLSX_RUBRIC_CHANGED"]);
    expect(loadAssessmentsAny(join(other, "a1.xlsx"), { rubric: join(other, "rubric.yaml") }).problems).toEqual([]);
  });

  it("a file rubric outside the root is refused without being opened (RUBRIC_OUTSIDE), as for YAML", async () => {
    // The workbook's own folder is inside its confinement (as for YAML); a path that climbs out of it is not.
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "a1.xlsx"), await questionnaireWorkbook(rubricIn(dir), { lang: "en", agencyId: "a1", date: "2026-11-01", rubricRef: "../rubric.yaml" }, fixedContext("en")));
    expect(loadAssessmentsAny(join(dir, "sub", "a1.xlsx")).problems.map((p) => p.code)).toEqual(["RUBRIC_OUTSIDE"]);
  });

  it("a number criterion's declared range becomes the cell's rule (range: [min|null, max|null])", async () => {
    const dir = tempDir();
    const rubric = rubricIn(dir);
    const withRange = (id: string, range: [number | null, number | null]) => Object.assign(rubric.criteria.get(id)!, { range });
    withRange("exe.share", [0, 100]);
    withRange("exe.days", [0, null]);
    writeFileSync(join(dir, "q.xlsx"), await questionnaireWorkbook(rubric, { lang: "en", agencyId: "a1", date: "2026-11-01", rubricRef: "./rubric.yaml" }, fixedContext("en")));
    const sheet = partOf(join(dir, "q.xlsx"), "xl/worksheets/sheet4.xml");
    expect(sheet).toMatch(/<dataValidation type="decimal" allowBlank="1"[^>]*prompt="exe.share: A number from 0 to 100 \(%\)"[^>]*><formula1>0<\/formula1><formula2>100<\/formula2>/);
    expect(sheet).toMatch(/<dataValidation type="decimal" operator="greaterThanOrEqual"[^>]*><formula1>0<\/formula1><\/dataValidation>/);
  });
});
