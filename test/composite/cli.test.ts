import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAssessmentFile } from "../../src/io/assessment-load.js";
import { cli } from "../helpers.js";

const EGDI = ["test/fixtures/data/un-egdi-2022.csv", "--mapping", "examples/composite/un-egdi-2022.mapping.yaml"];
const GTMI = ["test/fixtures/data/wb-gtmi-2020-2022.csv", "--mapping", "examples/composite/wb-gtmi.mapping.yaml"];

describe("CSV input end to end (built CLI)", () => {
  it("report of one country of the unedited EGDI table: the published EGDI within 1e-4, its band", () => {
    const { stdout, stderr, code } = cli(["report", ...EGDI, "--agency", "estonia", "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.agency.id).toBe("estonia");
    expect(Math.abs(report.index - 0.9393)).toBeLessThanOrEqual(1e-4);
    expect(report.classification.id).toBe("very-high");
  });

  it("score of the unedited EGDI table: 193 ranked, published rank on all but the four tie rows, published band counts", () => {
    const { stdout, stderr, code } = cli(["score", ...EGDI, "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const batch = JSON.parse(stdout);
    const published = new Map(readFileSync(EGDI[0]!, "utf8").split("\n").slice(1).filter(Boolean).map((line) => {
      const m = /^2022,"?([^",]+?) *"?,(\d+),/.exec(line)!;
      return [m[1]!, Number(m[2])];
    }));
    expect(batch.results).toHaveLength(193);
    const off = batch.results.filter((r: { name: string; rank: number }) => r.rank !== published.get(r.name));
    expect(off.map((r: { name: string }) => r.name).sort()).toEqual(["Bahamas", "Bhutan", "Eswatini", "Iceland"]);
    expect(batch.summary.classes.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([["very-high", 60], ["high", 73], ["middle", 53], ["low", 7]]);
  });

  it("score of one GTMI year: the published composite and the A–D group counts of 2022", () => {
    const { stdout, code } = cli(["score", ...GTMI, "--where", "year=2022", "--format", "json"]);
    expect(code).toBe(0);
    const batch = JSON.parse(stdout);
    const published = new Map(readFileSync(GTMI[0]!, "utf8").split("\n").filter((l) => l.startsWith("2022,")).map((l) => {
      const cells = l.split(",");
      return [`2022-${cells[1]}`, Number(cells[cells.length - 5])];
    }));
    expect(batch.results).toHaveLength(198);
    for (const r of batch.results) expect(Math.abs(r.index - published.get(r.id)!), r.id).toBeLessThanOrEqual(1e-12);
    expect(batch.summary.classes.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([["A", 69], ["B", 46], ["C", 53], ["D", 30]]);
  });

  it("validate: a CSV table is its rows' assessments, a mapping file is checked by its own schema", () => {
    const ok = cli(["validate", ...EGDI, "examples/composite/"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("un-egdi-2022.csv  193 assessments");
    expect(ok.stdout).toContain("wb-gtmi.mapping.yaml  mapping");
    const dir = mkdtempSync(join(tmpdir(), "egov-validate-"));
    writeFileSync(join(dir, "m.yaml"), "rubric: un-egdi\ncolumns: {A: osi}\ncolums: {}\n");
    const bad = cli(["validate", join(dir, "m.yaml")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/m\.yaml:3:1 {2}error {2}UNKNOWN_KEY/);
  });

  it("report in the table format, in Arabic: the rubric's Arabic texts and the fraction display", () => {
    const { stdout, code } = cli(["report", ...GTMI, "--agency", "2022-KOR", "--lang", "ar"]);
    expect(code).toBe(0);
    expect(stdout).toContain("مؤشر نضج التكنولوجيا الحكومية");
    expect(stdout).toContain("0.9914"); // GTMI of Korea 2022 (0.99143…), as a fraction
  });

  it("a bad cell in another row: the asked agency is reported (exit 0), the bad cell named as a warning at file:line:column", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-cli-csv-"));
    const file = join(dir, "bad.csv");
    writeFileSync(file, readFileSync("test/fixtures/data/wb-gtmi-2020-2022.csv", "utf8").replace("2020,AUS,Australia,A,0.9032017779652844,0.7917058823529411", '2020,AUS,Australia,A,0.9032017779652844,"0,79"'));
    const { stdout, stderr, code } = cli(["report", file, "--mapping", "examples/composite/wb-gtmi.mapping.yaml", "--agency", "2020-ARG"]);
    expect(code).toBe(0);
    expect(stdout).toContain("2020-ARG");
    expect(stderr).toMatch(/bad\.csv:3:6 {2}warning {2}WRONG_ANSWER_TYPE {2}column `cgsi`/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("import writes one valid assessment per selected row, refuses to overwrite, overwrites with --force", () => {
    const out = join(mkdtempSync(join(tmpdir(), "egov-import-")), "gtmi");
    const first = cli(["import", ...GTMI, "--where", "year=2022", "--out", out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("198");
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(198);
    expect(files.every((f) => /^2022-[A-Z]{3}\.yaml$/.test(f))).toBe(true);
    for (const f of files) expect(loadAssessmentFile(join(out, f)).problems, f).toEqual([]);
    const kor = readFileSync(join(out, "2022-KOR.yaml"), "utf8");
    expect(kor).toContain("rubric: wb-gtmi@1");
    expect(kor).toContain("cgsi: 0.990159670781893");
    const report = cli(["report", join(out, "2022-KOR.yaml"), "--format", "json"]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).classification.id).toBe("A");
    const again = cli(["import", ...GTMI, "--where", "year=2022", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(cli(["import", ...GTMI, "--where", "year=2022", "--out", out, "--force", "--quiet"])).toMatchObject({ code: 0, stderr: "" });
  });

  it("import with a rubric given by path writes a path relative to each file; unanswered criteria are left empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-import-"));
    const out = join(dir, "nested", "out");
    const rubric = `${process.cwd()}/test/fixtures/mini/rubric.yaml`;
    const { code, stderr } = cli(["import", "test/fixtures/csv/mini.csv", "--rubric", rubric, "--out", out]);
    expect(stderr).toContain("2");
    expect(code).toBe(0);
    const moh = readFileSync(join(out, "moh.yaml"), "utf8");
    expect(moh).toMatch(/^rubric: (\.\.\/)+.*test\/fixtures\/mini\/rubric\.yaml$/m);
    expect(moh).toContain("exe.share: null");
    expect(moh).toContain("na: N/A in source table");
    expect(loadAssessmentFile(join(out, "moh.yaml")).problems).toEqual([]);
  });
});
