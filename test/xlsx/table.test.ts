import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadAssessmentCsvText } from "../../src/io/csv-load.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import { pack, tableWorkbook } from "../hostile/xlsx/make.js";
import { tempDir } from "./helpers.js";

// Workbooks are built and read through the CLI: slow on a loaded machine, bounded here.
vi.setConfig({ testTimeout: 120_000 });

const rows: (string | number)[][] = [
  ["Agency", "Name", "group.sector", "publication.web-portal", "publication.service-catalogue", "security.policy-approved"],
  ["moh", "Ministry of Health", "health", 3, "Established", "yes"],
  ["moi", "وزارة الداخلية", "interior", "٢", "n/a", "لا"],
];

function csvOf(table: (string | number)[][]): string {
  return table.map((r) => r.map((v) => `"${String(v)}"`).join(",")).join("\n");
}

describe("a table workbook: one agency per row, read as the CSV loader reads a table", () => {
  it("gives the same assessments as the same table in CSV (labels, Arabic-Indic digits, yes/no, N/A)", () => {
    const file = join(tempDir(), "agencies.xlsx");
    writeFileSync(file, pack(tableWorkbook(rows)));
    const xlsx = loadAssessmentsAny(file, { rubric: "egov-maturity" });
    expect(xlsx.problems).toEqual([]);
    const csv = loadAssessmentCsvText(csvOf(rows).replace("٢", "2"), file, { rubric: "egov-maturity" });
    expect(xlsx.assessments.map((a) => a.assessment)).toEqual(csv.assessments.map((a) => a.assessment));
    expect(xlsx.assessments).toHaveLength(2);
  });

  it("takes the same mapping options (--map, --where)", () => {
    const file = join(tempDir(), "agencies.xlsx");
    writeFileSync(file, pack(tableWorkbook(rows.map((r, i) => (i === 0 ? ["Ministry", ...r.slice(1)] : r)))));
    const load = loadAssessmentsAny(file, { rubric: "egov-maturity", mapping: { map: ["Ministry=id"], where: ["group.sector=health"] } });
    expect(load.problems).toEqual([]);
    expect(load.assessments.map((a) => a.assessment.agency.id)).toEqual(["moh"]);
  });

  it("places every problem at its cell: an unknown column, a level off the scale", () => {
    const file = join(tempDir(), "agencies.xlsx");
    writeFileSync(file, pack(tableWorkbook([["id", "publication.web-portl"], ["moh", 3]])));
    const unknown = loadAssessmentsAny(file, { rubric: "egov-maturity" }).problems;
    expect(unknown.map((p) => [p.code, p.sheet, p.line, p.column])).toEqual([["UNKNOWN_COLUMN", "Agencies", 1, 2]]);
    writeFileSync(file, pack(tableWorkbook([["id", "publication.web-portal"], ["moh", 3], ["moi", 7]])));
    const level = loadAssessmentsAny(file, { rubric: "egov-maturity" }).problems;
    expect(level.map((p) => [p.code, p.sheet, p.line, p.column])).toEqual([["LEVEL_OUT_OF_RANGE", "Agencies", 3, 2]]);
  });
});
