import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { agencyYaml, checkJson, cli, tempDir, writeFiles } from "./helpers.js";

let dir: string;
let file: string;
beforeAll(() => {
  dir = tempDir();
  writeFiles(dir, { "c1.yaml": agencyYaml() });
  file = join(dir, "c1.yaml");
});

describe("check: every rule, passing and failing, at its line", () => {
  it("no policy: a complete, valid file passes", () => {
    const r = checkJson([file]);
    expect(r.status).toBe(0);
    expect(r.at).toEqual([]);
    expect(r.json.files[0]!.agencies[0]!.rules).toEqual(["valid-input"]);
  });

  it.each([
    ["min-index", ["--min-index", "0.77"], []],
    ["min-index", ["--min-index", "78%"], ["min-index@2:1"]],
    ["min-stage", ["--min-stage", "execution"], []],
    ["min-dimension", ["--min", "security=0.6", "--min", "publication=0.9"], []],
    ["min-dimension", ["--min", "security=0.61"], ["min-dimension@2:1"]],
    ["require-evidence", ["--require-evidence-from", "4"], []],
    ["require-evidence", ["--require-evidence-from", "3"], ["require-evidence@12:3"]],
    ["evidence-age", ["--max-evidence-age", "304"], []],
    ["evidence-age", ["--max-evidence-age", "303"], ["evidence-age@8:3"]],
    ["forbid-na", ["--forbid-na", "pub.a,exe.days"], []],
    ["forbid-na", ["--forbid-na", "sec.policy"], ["forbid-na@15:3"]],
  ])("%s %j → %j", (_rule, flags, expected) => {
    const r = checkJson([file, ...flags]);
    expect(r.at).toEqual(expected);
    expect(r.status).toBe(expected.length > 0 ? 1 : 0);
  });

  it("min-stage fails when the agency is below it", () => {
    const low = join(writeFiles(tempDir(), { "low.yaml": agencyYaml({ audit: " 10" }) }), "low.yaml");
    const r = checkJson([low, "--min-stage", "execution"]);
    expect(r.at).toEqual(["min-stage@2:1"]);
    const v = r.json.files[0]!.agencies[0]!.violations[0]!;
    expect([v.actual, v.expected]).toEqual(["publication", "execution"]);
    expect(r.status).toBe(1);
  });

  it("evidence age counts to the assessment's date, else to --today", () => {
    const undated = join(writeFiles(tempDir(), { "u.yaml": agencyYaml({ date: null }) }), "u.yaml");
    expect(checkJson([undated, "--max-evidence-age", "100", "--today", "2026-04-11"]).at).toEqual([]);
    const late = checkJson([undated, "--max-evidence-age", "100", "--today", "2026-04-12"]);
    expect(late.at).toEqual(["evidence-age@8:3"]);
    expect(late.json.files[0]!.agencies[0]!.violations[0]!.actual).toBe(101);
    // A dated assessment ignores --today.
    expect(checkJson([file, "--max-evidence-age", "304", "--today", "2030-01-01"]).at).toEqual([]);
  });

  it("several rules at once: every violation listed, the rules evaluated named", () => {
    const r = checkJson([file, "--min-index", "0.9", "--require-evidence-from", "3", "--forbid-na", "sec.policy"]);
    expect(r.at).toEqual(["min-index@2:1", "require-evidence@12:3", "forbid-na@15:3"]);
    expect(r.json.files[0]!.agencies[0]!.rules).toEqual(["valid-input", "min-index", "require-evidence", "forbid-na"]);
  });

  it("a policy file with per-group and per-agency overrides; a flag overrides the file's top level", () => {
    const d = writeFiles(tempDir(), {
      "policy.yaml": ["min-index: 0.5", "overrides:", "  - groups: {sector: health}", "    min-index: 0.9", "  - agencies: [c1]", "    forbid-na: [sec.policy]", "  - agencies: [other]", "    min-stage: execution", ""].join("\n"),
      "c2.yaml": agencyYaml({ id: "c2", sector: "interior" }),
    });
    const r = checkJson([file, join(d, "c2.yaml"), "--policy", join(d, "policy.yaml")]);
    expect(r.at).toEqual(["min-index@2:1", "forbid-na@15:3"]);
    expect(r.json.files[0]!.agencies[0]!.id).toBe("c1");
    expect(r.status).toBe(1);
    const flagged = checkJson([join(d, "c2.yaml"), "--policy", join(d, "policy.yaml"), "--min-index", "0.8"]);
    expect(flagged.at).toEqual(["min-index@2:1"]);
  });
});

describe("check: invalid input is exit 2, listed first", () => {
  it("an unanswered criterion is INCOMPLETE at its line; absent ones at the `answers` key; --allow-incomplete accepts both", () => {
    const d = writeFiles(tempDir(), { "empty.yaml": agencyYaml({ audit: "" }), "absent.yaml": agencyYaml().replace("  exe.days: 6\n", "") });
    const r = checkJson([join(d, "empty.yaml"), join(d, "absent.yaml")]);
    expect(r.status).toBe(2);
    const problems = r.json.files.map((f) => f.problems.map((p) => `${p.code}@${p.line}:${p.column}`));
    expect(problems.flat().sort()).toEqual(["INCOMPLETE@16:3", "INCOMPLETE@7:1"]);
    expect(checkJson([join(d, "empty.yaml"), join(d, "absent.yaml"), "--allow-incomplete"]).status).toBe(0);
  });

  it("invalid files come before violations, and the exit code is 2", () => {
    const d = writeFiles(tempDir(), { "a-good.yaml": agencyYaml(), "b-bad.yaml": agencyYaml({ pubB: "9" }) });
    const r = cli(["check", d, "--min-index", "0.9"]);
    expect(r.status).toBe(2);
    const bad = r.stdout.indexOf("LEVEL_OUT_OF_RANGE");
    const violation = r.stdout.indexOf("min-index");
    expect(bad).toBeGreaterThan(-1);
    expect(violation).toBeGreaterThan(bad);
    expect(r.stdout).toContain("b-bad.yaml:12:10  error  LEVEL_OUT_OF_RANGE");
  });

  it("a policy file is validated like every input: unknown keys and ids the rubric lacks, at their line", () => {
    const d = writeFiles(tempDir(), { "p1.yaml": "min-index: 0.5\nmin-idex: 0.6\n", "p2.yaml": "min:\n  securty: 0.5\nforbid-na: [sec.polcy]\nmin-stage: delivery\n" });
    const r1 = cli(["check", file, "--policy", join(d, "p1.yaml")]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/p1\.yaml:2:1 +error +UNKNOWN_KEY/);
    expect(r1.stderr).toContain("min-index");
    const r2 = cli(["check", file, "--policy", join(d, "p2.yaml")]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/p2\.yaml:2:3 +error +POLICY_UNKNOWN_DIMENSION/);
    expect(r2.stderr).toMatch(/p2\.yaml:3:13 +error +POLICY_UNKNOWN_CRITERION/);
    expect(r2.stderr).toMatch(/p2\.yaml:4:12 +error +POLICY_UNKNOWN_STAGE/);
    expect(r2.stderr).not.toContain("    at ");
  });

  it.each([
    [["--min-index", "1.5"]],
    [["--min", "security"]],
    [["--max-evidence-age", "a year"]],
    [["--today", "2026-02-30"]],
    [["--baseline", "no-such-ref-or-folder"]],
    [["--format", "xml"]],
  ])("bad option %j is a usage error (exit 2, no stack trace)", (flags) => {
    const r = cli(["check", file, ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error/);
    expect(r.stderr).not.toContain("    at ");
  });
});
