import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the default rubric of the commands that write a new assessment is egov-maturity@2", () => {
  it("init names egov-maturity@2 and lists its 64 criteria", () => {
    dir = mkdtempSync(join(tmpdir(), "rubric-default-"));
    const out = join(dir, "agency.yaml");
    const r = cli(["init", "--output", out, "--date", "2026-11-21"]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/^rubric: "?egov-maturity@2"?$/m);
    expect(text).toContain("execution.digital-identity:");
    expect(text).not.toContain("delivery.smart-services:");
  });

  it("assess says so in its help", () => {
    expect(cli(["assess", "--help"]).stdout).toContain("default: egov-maturity@2");
    expect(cli(["init", "--help"]).stdout).toContain('"egov-maturity@2"');
  });

  it("an assessment without a rubric is told to name egov-maturity@2", () => {
    dir = mkdtempSync(join(tmpdir(), "rubric-default-"));
    const file = join(dir, "a.yaml");
    writeFileSync(file, "agency: {id: a}\nanswers: {}\n");
    const r = cli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("add `rubric: egov-maturity@2` at the top");
  });
});
