// A rubric read only inside a batch worker thread is an input like any other: an --output that
// resolves to it is OUTPUT_IS_INPUT, and nothing is overwritten (issue 13, item 8).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers.js";

const MINI = readFileSync(join(ROOT, "test/fixtures/mini/rubric.yaml"), "utf8");
const AGENCY = readFileSync(join(ROOT, "test/fixtures/mini/agency.yaml"), "utf8");

describe("score: a rubric read by a worker thread", () => {
  it("--output over it is refused with OUTPUT_IS_INPUT (exit 2), and the rubric is untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-worker-inputs-"));
    writeFileSync(join(dir, "rubric.yaml"), MINI);
    mkdirSync(join(dir, "agencies"));
    // Enough files for the batch to run on worker threads: only they read the rubric.
    for (let i = 0; i < 64; i++) {
      writeFileSync(join(dir, "agencies", `a${i}.yaml`), AGENCY.replace(/^rubric: .*$/m, "rubric: ../rubric.yaml").replace("id: a1", `id: a${i}`));
    }
    for (const format of ["json", "ndjson", "csv"]) {
      const r = cli(["score", "agencies", "--format", format, "-o", "rubric.yaml"], { cwd: dir, env: { EGOV_MATURITY_WORKERS: "2" } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^rubric\.yaml:1:1  error  OUTPUT_IS_INPUT  /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(join(dir, "rubric.yaml"), "utf8")).toBe(MINI);
    }
    // The same batch to another file is written.
    const ok = cli(["score", "agencies", "--format", "json", "-o", "out.json"], { cwd: dir, env: { EGOV_MATURITY_WORKERS: "2" } });
    expect(ok.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { agencies: number }).agencies).toBe(64);
  });
});
