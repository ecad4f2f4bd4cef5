// score on a table large enough to be read in pieces and scored on worker threads (issue 18, issue
// 13 item 5): the same agencies, row numbers and problems as the whole-table reader, and an
// --output file equal to stdout for json, ndjson and csv.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error the bench is plain JavaScript without types
import { MAPPING, writeTable } from "../../bench/csv.js";
import { loadAssessmentCsv } from "../../src/io/csv-load.js";
import { LARGE_TABLE_BYTES } from "../../src/score/tasks.js";
import { BIN } from "../helpers.js";

const ROWS = 20_000;
let dir: string;
let table: string;

function score(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, "score", "big.csv", "--mapping", "mapping.yaml", ...args], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: "1", EGOV_MATURITY_WORKERS: "2" } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "egov-csv-stream-e2e-"));
  writeFileSync(join(dir, "mapping.yaml"), MAPPING);
  table = join(dir, "big.csv");
  (writeTable as (file: string, rows: number) => string)(table, ROWS);
  // A few bad rows spread over the pieces: a duplicate id, a bad cell, a short row, an empty id.
  const lines = readFileSync(table, "utf8").split("\n");
  lines[3001] = lines[3001]!.replace(/^C\d+/, "C000010");
  lines[7002] = lines[7002]!.replace(/,0\.\d+,/, ',"0,5",');
  lines[9003] = lines[9003]!.split(",").slice(0, 4).join(",");
  lines[15004] = lines[15004]!.replace(/^C\d+/, "");
  writeFileSync(table, lines.join("\n"));
  expect(statSync(table).size).toBeGreaterThan(LARGE_TABLE_BYTES);
}, 60_000);

describe("score on a large table, read in pieces on worker threads", () => {
  it("gives the agencies, row numbers and problems of the whole-table reader", () => {
    const r = score(["--format", "json", "--sort", "file"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { agencies: number; files: number; results: { id: string; document: number }[]; errors: unknown[] };
    const cwd = process.cwd();
    process.chdir(dir);
    let whole;
    try {
      whole = loadAssessmentCsv("big.csv", { mapping: { file: "mapping.yaml" } });
    } finally {
      process.chdir(cwd);
    }
    expect(json.files).toBe(1);
    expect(json.agencies).toBe(ROWS - 4);
    expect(json.results.map((a) => [a.id, a.document])).toEqual(whole.assessments.map((a) => [a.assessment.agency.id, a.document]));
    expect(json.errors).toEqual(whole.problems.map(({ path: _p, atKey: _k, ...p }) => p));
    expect((json.errors as { code: string; line: number }[]).map((e) => [e.code, e.line])).toEqual([
      ["DUPLICATE_AGENCY", 3002],
      ["WRONG_ANSWER_TYPE", 7003],
      ["CSV_FIELD_COUNT", 9004],
      ["CSV_EMPTY_ID", 15005],
    ]);
    // The problems are also printed, one line each.
    expect(r.stderr.split("\n").filter((l) => /^big\.csv:\d+:\d+ {2}error {2}[A-Z_]+ {2}/.test(l))).toHaveLength(4);
  }, 120_000);

  it("writes --output equal to stdout, for json, ndjson and csv", () => {
    for (const format of ["json", "ndjson", "csv"]) {
      const out = `out.${format}`;
      const toStdout = score(["--format", format]);
      const toFile = score(["--format", format, "--output", out]);
      expect(toFile.code).toBe(2);
      expect(toFile.stdout).toBe("");
      const written = readFileSync(join(dir, out), "utf8");
      expect(written).toBe(toStdout.stdout);
      if (format === "json") expect((JSON.parse(written) as { results: unknown[] }).results).toHaveLength(ROWS - 4);
      if (format === "ndjson") expect(written.trimEnd().split("\n").map((l) => (JSON.parse(l) as { type: string }).type).filter((t) => t === "agency")).toHaveLength(ROWS - 4);
      if (format === "csv") expect(written.split("\r\n")).toHaveLength(ROWS - 4 + 2);
    }
  }, 240_000);
});
