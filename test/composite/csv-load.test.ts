import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score.js";
import { placeProblems } from "../../src/io/yaml.js";
import { CSV_NA_REASON, loadAssessmentCsv, loadAssessmentCsvText, slugId } from "../../src/io/csv-load.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import type { AssessmentLoadOptions } from "../../src/io/assessment-load.js";
import { ROOT } from "../helpers.js";

const MINI = `${ROOT}test/fixtures/mini/rubric.yaml`;
const load = (text: string, options: AssessmentLoadOptions = { rubric: MINI }) => loadAssessmentCsvText(text, "t.csv", options);
const where = (text: string, options?: AssessmentLoadOptions) => load(text, options).problems.map((p) => `${p.code}@${p.line}:${p.column}`);

describe("loadAssessmentCsv: one assessment per row", () => {
  it("reads the mini table: ids, names, groups, date, levels by value and by label, yes/no, numbers, N/A, empty = unanswered", () => {
    const { assessments, problems } = loadAssessmentCsv(`${ROOT}test/fixtures/csv/mini.csv`, { rubric: MINI });
    expect(problems).toEqual([]);
    expect(assessments.map((a) => a.assessment.agency)).toEqual([
      { id: "moi", name: "Interior", groups: { sector: "interior" } },
      { id: "moh", name: "Health, Ministry of", groups: { sector: "health" } },
    ]);
    const [moi, moh] = assessments;
    expect(moi!.assessment.date).toBe("2026-10-01");
    expect(Object.fromEntries([...moi!.assessment.answers].map(([k, v]) => [k, v.answer]))).toEqual({
      "pub.a": { kind: "level", level: 3 },
      "pub.b": { kind: "level", level: 3 },
      "exe.share": { kind: "number", value: 62 },
      "exe.days": { kind: "number", value: 10 },
      "sec.policy": { kind: "boolean", value: true },
    });
    expect(moh!.assessment.answers.get("pub.a")?.answer).toEqual({ kind: "na", reason: CSV_NA_REASON });
    expect(moh!.assessment.answers.has("exe.share")).toBe(false);
    const report = score(moh!.rubric, moh!.assessment);
    expect(report.unanswered).toContain("exe.share");
    expect(report.dimensions.find((d) => d.id === "publication")?.score).toBe(0.5); // pub.a N/A: pub.b alone, level 2 of 4
  });

  it("the same table through loadAssessmentsAny (the entry point of report, score, check) by its .csv name", () => {
    const any = loadAssessmentsAny(`${ROOT}test/fixtures/csv/mini.csv`, { rubric: MINI });
    expect(any.problems).toEqual([]);
    expect(any.assessments.map((a) => a.assessment.agency.id)).toEqual(["moi", "moh"]);
    expect(any.assessments.map((a) => a.document)).toEqual([0, 1]);
  });

  it("bad cells: every one named by its line and column, all in one pass", () => {
    const text = "id,pub.a,exe.share,sec.policy\nok,2,50,no\nx,high,5%,maybe\n";
    expect(where(text)).toEqual(["WRONG_ANSWER_TYPE@3:2", "WRONG_ANSWER_TYPE@3:3", "WRONG_ANSWER_TYPE@3:4"]);
    expect(load(text).problems[1]!.message).toContain("exe.share");
  });

  it("problems found by the assessment checks point at the cell too (level off the scale, bad date, bad id)", () => {
    expect(where("name,id,date,pub.a\nA,a,2026-01-01,7\n")).toEqual(["LEVEL_OUT_OF_RANGE@2:4"]);
    expect(where("id,date\na,2026-13-45\nb,\n")).toEqual(["INVALID_VALUE@2:2"]);
    expect(where("id\nhas space\n")).toEqual(["AGENCY_ID_INVALID@2:1"]);
  });

  it("header problems: unknown column with its hint, duplicate column, no id column, conflicting columns", () => {
    const unknown = load("id,pub.aa\na,1\n").problems;
    expect(unknown.map((p) => `${p.code}@${p.line}:${p.column}`)).toEqual(["UNKNOWN_COLUMN@1:2"]);
    expect(unknown[0]!.hint).toContain("pub.a");
    expect(where("id,pub.a,PUB.A\na,1,2\n")).toEqual(["CSV_DUPLICATE_COLUMN@1:3"]);
    expect(where("name,pub.a\nA,1\n")).toEqual(["CSV_NO_ID_COLUMN@1:1"]);
    expect(where("id,A,B\na,1,2\n", { rubric: MINI, mapping: { map: ["A=pub.a", "B=pub.a"] } })).toEqual(["CSV_COLUMN_CONFLICT@1:3"]);
  });

  it("rows: wrong cell count, duplicate agency, trailing empty rows ignored, no rubric", () => {
    expect(where("id,pub.a\na,1,9\nb\n")).toEqual(["CSV_FIELD_COUNT@2:2", "CSV_FIELD_COUNT@3:1"]);
    expect(where("id,pub.a\na,1\nb,2\na,3\n")).toEqual(["DUPLICATE_AGENCY@4:1"]);
    expect(load("id,pub.a\na,1\n,\n , \n").assessments).toHaveLength(1);
    expect(where("id\na\n", {})).toEqual(["RUBRIC_MISSING@1:1"]);
  });

  it("--map: renames, several targets per column (+), id-slug, name per language, ignore; --where filters rows", () => {
    const text = "Agency,Arabic,Year,A score,Comment\nMinistry of Health,وزارة الصحة,2025,1,x\nMinistry of Health,وزارة الصحة,2026,3,y\n";
    const options: AssessmentLoadOptions = { rubric: MINI, mapping: { map: ["Agency=id-slug+name.en", "Arabic=name.ar", "Year=group.year", "A score=pub.a,Comment=-"], where: ["Year=2026"] } };
    const { assessments, problems } = load(text, options);
    expect(problems).toEqual([]);
    expect(assessments).toHaveLength(1);
    expect(assessments[0]!.assessment.agency).toEqual({ id: "ministry-of-health", name: { en: "Ministry of Health", ar: "وزارة الصحة" }, groups: { year: "2026" } });
    expect(assessments[0]!.assessment.answers.get("pub.a")?.answer).toEqual({ kind: "level", level: 3 });
    expect(where(text, { rubric: MINI, mapping: { map: ["Agency=id-slug", "A score=pub.a", "Comment=-", "Arabic=-", "Year=-"], where: ["Year=1999"] } })).toEqual(["CSV_NO_ROWS_SELECTED@1:1"]);
  });

  it("mapping file: rubric relative to the file, unknown criterion and unknown column placed in the mapping file", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-csv-"));
    const mapping = join(dir, "map.yaml");
    copyFileSync(MINI, join(dir, "rubric.yaml"));
    writeFileSync(mapping, `rubric: ./rubric.yaml\ncolumns:\n  Agency: id\n  Score: pub.z\n  Missing: "-"\n`);
    const problems = load("Agency,Score\na,1\n", { mapping: { file: mapping } }).problems;
    expect(problems.map((p) => `${p.code}@${p.file === mapping ? "map" : p.file}:${p.line}`)).toEqual(["UNKNOWN_CRITERION@map:4", "MAPPING_UNKNOWN_COLUMN@map:5"]);
    expect(problems[0]!.hint).toContain("pub.a");
    copyFileSync(MINI, join(dir, "r.yaml"));
    writeFileSync(mapping, "rubric: r.yaml\ncolumns: {Agency: id, Score: pub.a}\n");
    const relative = load("Agency,Score\na,4\n", { mapping: { file: mapping } });
    expect(relative.problems).toEqual([]);
    expect(relative.assessments[0]!.rubric.id).toBe("mini");
    writeFileSync(mapping, "rubric: mini\ncolums: {}\n");
    expect(load("a\n1\n", { mapping: { file: mapping } }).problems.map((p) => p.code)).toEqual(["UNKNOWN_KEY"]);
  });

  it("--map syntax errors are usage problems with the option named", () => {
    expect(load("id\na\n", { rubric: MINI, mapping: { map: ["nonsense"] } }).problems.map((p) => [p.code, p.file])).toEqual([["MAPPING_SYNTAX", "--map"]]);
  });

  it("a row's document points back at the CSV: placing a problem at an answer gives that cell", () => {
    const { assessments } = load("id,pub.a,pub.b\na,1,2\nb,3,4\n");
    const b = assessments[1]!;
    const [placed] = placeProblems([{ code: "X", severity: "error", message: "m", path: ["answers", "pub.b"] }], b.parsed, "t.csv");
    expect([placed!.line, placed!.column]).toEqual([3, 3]);
    const [row] = placeProblems([{ code: "X", severity: "error", message: "m", path: ["targets"] }], b.parsed, "t.csv");
    expect([row!.line, row!.column]).toEqual([3, 1]);
  });

  it.each(["N/A", "n/a", "NA", "n.a.", "Not applicable", "غير منطبق"])("%s in a cell is N/A with the source-table reason", (cell) => {
    const { assessments, problems } = load(`id,pub.a\na,${cell}\n`);
    expect(problems).toEqual([]);
    expect(assessments[0]!.assessment.answers.get("pub.a")?.answer).toEqual({ kind: "na", reason: CSV_NA_REASON });
  });

  it("slugId: accents dropped, runs of other characters one dash, lower case", () => {
    expect(slugId("Côte d'Ivoire ")).toBe("cote-d-ivoire");
    expect(slugId("Korea (Democratic People's Republic of)")).toBe("korea-democratic-people-s-republic-of");
    expect(slugId("Türkiye")).toBe("turkiye");
  });
});
