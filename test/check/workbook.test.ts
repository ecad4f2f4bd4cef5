/**
 * check on a filled-in questionnaire workbook (the BUILT command): every violation names its cell —
 * `moh.xlsx:Sheet!C12` in text formats, the sheet in JSON, a region plus a logical location and the
 * cell in the message in SARIF, the cell in the message of github and codequality.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it, vi } from "vitest";
import { questionnaireWorkbook } from "../../src/init/formats/xlsx.js";
import { cellReference } from "../../src/io/xlsx-xml.js";
import { rubricOf } from "../helpers.js";
import { fillQuestionnaire, fixedContext, planAnswers } from "../xlsx/helpers.js";
import { cli, ROOT, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 120_000 });

const rubric = rubricOf("egov-maturity@1");

/** A filled questionnaire of moh, a policy forbidding its N/A answer, and the cell of that answer. */
async function workbookCase(): Promise<{ dir: string; naCell: string; naId: string }> {
  const dir = tempDir();
  const plan = planAnswers(rubric, "en");
  const na = plan.find((p) => p.na !== undefined)!;
  const bytes = await questionnaireWorkbook(rubric, { lang: "en", agencyId: "moh", date: "2026-11-01", rubricRef: "egov-maturity@1" }, fixedContext("en"));
  let naCell = "";
  const filled = await fillQuestionnaire(bytes, plan, { assessor: "R. Haddad" }, (book) => {
    for (const sheet of book.worksheets) {
      sheet.eachRow((row, r) => {
        if (String(row.getCell(1).value) !== na.id) return;
        const headers = (sheet.getRow(3).values as unknown[]).map((v) => String(v ?? ""));
        naCell = cellReference(sheet.name, r, headers.length - 5);
      });
    }
  });
  writeFileSync(join(dir, "moh.xlsx"), filled);
  writeFileSync(join(dir, "policy.yaml"), `forbid-na: [${na.id}]\n`);
  return { dir, naCell, naId: na.id };
}

describe("check annotations from a workbook name the sheet", () => {
  it("table, markdown, junit: moh.xlsx:Sheet!C12; json: sheet; sarif: region, logical location and cell; github and codequality: the cell", async () => {
    const { dir, naCell } = await workbookCase();
    expect(naCell).toMatch(/^[^!]+![A-Z]+\d+$/);
    const run = (format: string) => cli(["check", "moh.xlsx", "--rubric", "egov-maturity@1", "--policy", "policy.yaml", "--allow-incomplete", "--format", format], dir);
    const table = run("table");
    expect(table.status, table.stdout).toBe(1);
    expect(table.stdout).toContain(`  moh.xlsx:${naCell}  error  forbid-na  `);
    expect(run("markdown").stdout).toContain(`moh.xlsx:${naCell}`.replace(/[\\`*_{}[\]()#+!|<>~]/g, "\\$&"));
    expect(run("junit").stdout).toContain(`moh.xlsx:${naCell}  `);
    const json = JSON.parse(run("json").stdout);
    const v = json.files[0].agencies[0].violations.find((x: { rule: string }) => x.rule === "forbid-na");
    const [sheet, ref] = naCell.replace(/^'|'(?=!)/g, "").split("!") as [string, string];
    expect(v).toMatchObject({ sheet, line: Number(ref.replace(/^[A-Z]+/, "")) });
    const sarif = JSON.parse(run("sarif").stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "forbid-na");
    expect(result.message.text).toMatch(new RegExp(`\\(${naCell.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)$`));
    expect(result.locations[0].physicalLocation.region.startLine).toBe(v.line);
    expect(result.locations[0].logicalLocations).toEqual([{ name: naCell, fullyQualifiedName: `moh.xlsx:${naCell}`, kind: "element" }]);
    const { $schema: _s, id: _i, ...oasis } = JSON.parse(readFileSync(join(ROOT, "test/check/schemas/sarif/sarif-schema-2.1.0.json"), "utf8"));
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validSarif = ajv.compile(oasis);
    expect(validSarif(sarif), JSON.stringify(validSarif.errors?.slice(0, 3))).toBe(true);
    expect(run("github").stdout).toMatch(new RegExp(`^::error file=moh\\.xlsx,line=${v.line},col=${v.column},title=.*\\(forbid-na\\)::moh: .*\\(${naCell.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)$`, "m"));
    const issues = JSON.parse(run("codequality").stdout);
    expect(issues.find((i: { check_name: string }) => i.check_name === "forbid-na").description).toContain(`(${naCell})`);
  });

  it("an assessment in YAML has no sheet: file:line:column, no `sheet` key", () => {
    const r = cli(["check", "examples/ci/assessments", "--min-index", "0.99", "--format", "json"]);
    const violations = JSON.parse(r.stdout).files.flatMap((f: { agencies: { violations: object[] }[] }) => f.agencies.flatMap((a) => a.violations));
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v).not.toHaveProperty("sheet");
  });
});
