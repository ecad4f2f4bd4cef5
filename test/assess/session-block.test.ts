import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./terminal.js";

/** The `session:` block `assess` keeps in a file is ignored by every other command (built CLI). */
describe("an assessment with assess's session: block", () => {
  it("validates, reports, scores and passes check like the same file without it", () => {
    const dir = mkdtempSync(join(tmpdir(), "session-block-"));
    copyFileSync(resolve("test/fixtures/mini/rubric.yaml"), join(dir, "rubric.yaml"));
    const body = `rubric: ./rubric.yaml
agency: {id: t1}
date: 2026-11-01
SESSION
answers:
  pub.a: 3
  pub.b: 2
  exe.share: 62
  exe.days: 6
  sec.policy: true
  sec.audit: 60
`;
    writeFileSync(join(dir, "with.yaml"), body.replace("SESSION", "# assess: where the workshop stopped\nsession: { at: exe.days, spent: 754 }"));
    writeFileSync(join(dir, "without.yaml"), body.replace("SESSION\n", ""));
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run("validate", "with.yaml").status).toBe(0);
    expect(run("check", "with.yaml").status).toBe(0);
    const withReport = JSON.parse(run("report", "with.yaml", "--format", "json").stdout) as { index: number };
    const withoutReport = JSON.parse(run("report", "without.yaml", "--format", "json").stdout) as { index: number };
    expect(withReport.index).toBe(withoutReport.index);
    const scored = run("score", "with.yaml", "--format", "json");
    expect(scored.status).toBe(0);
    expect(scored.stdout).not.toContain("session");
  });
});
