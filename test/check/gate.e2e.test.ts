import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digestOf } from "../../src/io/rubric-digest.js";
import { loadRubricFile } from "../../src/io/rubric-load.js";
import { agencyYaml, checkJson, cli, MINI_RUBRIC, tempDir } from "./helpers.js";

let tick = 0;
/** git with a fixed author and dates: commits are the same on every machine. */
function git(cwd: string, ...args: string[]): string {
  tick += 1;
  const date = `2026-01-01T00:${String(tick % 60).padStart(2, "0")}:00Z`;
  const env = { ...process.env, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "test@example.org", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "test@example.org", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const r = spawnSync("git", ["-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always", ...args], { cwd, encoding: "utf8", env });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A repository on `main` with two accepted agencies under assessments/. */
function repository(): string {
  const repo = tempDir();
  git(repo, "init", "-q", "-b", "main");
  mkdirSync(join(repo, "assessments"));
  writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml());
  writeFileSync(join(repo, "assessments/c2.yaml"), agencyYaml({ id: "c2" }));
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "accepted");
  return repo;
}

const commit = (repo: string, message: string) => {
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
};

describe("check: identity of accepted agencies (real git repositories)", () => {
  it("an id changed in an accepted file is agency-id-changed, and its lowered answers are still caught", () => {
    const repo = repository();
    git(repo, "checkout", "-q", "-b", "topic");
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ id: "c1-renamed", pubB: "1" }));
    commit(repo, "rename and lower");
    const r = checkJson(["assessments", "--baseline", "main"], repo);
    expect(r.status).toBe(1);
    expect(r.at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1", "agency-id-changed@3:3"]);
    const agency = r.json.files.flatMap((f) => f.agencies).find((a) => a.id === "c1-renamed")!;
    expect(agency).toMatchObject({ baseline: "compared", previousId: "c1" });

    writeFileSync(join(repo, "policy.yaml"), "renamed:\n  - {from: c1, to: c1-renamed, reason: The directorate was renamed by decree}\n");
    const allowed = checkJson(["assessments", "--baseline", "main", "--policy", "policy.yaml"], repo);
    expect(allowed.at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1"]);
  });

  it("an accepted agency gone from the head is agency-removed, unless the policy retires it with a reason", () => {
    const repo = repository();
    rmSync(join(repo, "assessments/c2.yaml"));
    commit(repo, "remove c2");
    const r = checkJson(["assessments", "--baseline", "HEAD~1"], repo);
    expect(r.status).toBe(1);
    expect(r.at).toEqual(["agency-removed@3:3"]);
    const removed = r.json.files.find((f) => f.file === "assessments/c2.yaml")!.agencies[0]!;
    expect(removed).toMatchObject({ id: "c2", state: "removed", passed: false });

    writeFileSync(join(repo, "policy.yaml"), "retired:\n  - {agency: c2, reason: Merged into c1 in 2026}\n");
    const retired = checkJson(["assessments", "--baseline", "HEAD~1", "--policy", "policy.yaml"], repo);
    expect(retired.status).toBe(0);
    expect(retired.json.files.flatMap((f) => f.agencies).find((a) => a.id === "c2")).toMatchObject({ state: "retired", reason: "Merged into c1 in 2026", passed: true });
    const table = cli(["check", "assessments", "--baseline", "HEAD~1", "--policy", "policy.yaml"], repo);
    expect(table.stdout).toContain("retired: Merged into c1 in 2026");
  });

  it("--baseline compares with the merge-base (no false drop from main's later changes); --baseline-exact with the tip", () => {
    const repo = repository();
    git(repo, "checkout", "-q", "-b", "topic");
    writeFileSync(join(repo, "assessments/c2.yaml"), agencyYaml({ id: "c2", pubB: "2" }));
    commit(repo, "topic lowers c2 from 3 to 2");
    git(repo, "checkout", "-q", "main");
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ pubB: "4" }));
    commit(repo, "main raises c1 after the branch started");
    git(repo, "checkout", "-q", "topic");
    const base = checkJson(["assessments", "--baseline", "main"], repo);
    expect(base.at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1"]);
    expect(base.json.files.find((f) => f.file === "assessments/c2.yaml")!.agencies[0]!.violations).toHaveLength(2);
    expect((base.json as unknown as { baseline: string }).baseline).toMatch(/^git merge-base of HEAD and main \([0-9a-f]{12}\)$/);
    const exact = checkJson(["assessments", "--baseline-exact", "main"], repo);
    // At main's tip c1 has level 4, so topic's 3 looks like a drop: the false positive merge-base avoids.
    expect(exact.at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1", "no-lower-answer@12:3", "no-lower-dimension@2:1"]);
    expect((exact.json as unknown as { baseline: string }).baseline).toMatch(/^git main \([0-9a-f]{12}\)$/);
    expect(cli(["check", "assessments", "--baseline", "main", "--format", "markdown"], repo).stdout).toContain("merge-base of HEAD and main");
  });

  it("a submodule entry and hidden folders in the baseline are not read as assessments and do not shift the others", () => {
    const sub = tempDir();
    git(sub, "init", "-q", "-b", "main");
    writeFileSync(join(sub, "inner.yaml"), agencyYaml({ id: "inner" }));
    commit(sub, "sub");
    const repo = repository();
    git(repo, "submodule", "add", "-q", sub, "assessments/aa-sub.yaml");
    mkdirSync(join(repo, "assessments/.github"));
    writeFileSync(join(repo, "assessments/.github/ci.yaml"), agencyYaml({ id: "hidden" }));
    commit(repo, "submodule and hidden folder");
    writeFileSync(join(repo, "assessments/c2.yaml"), agencyYaml({ id: "c2", pubB: "1" }));
    const r = checkJson(["assessments/c1.yaml", "assessments/c2.yaml", "--baseline", "HEAD"], repo);
    expect(r.status).toBe(1);
    expect(r.at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1"]);
    expect(r.json.files.flatMap((f) => f.agencies.map((a) => a.id))).toEqual(["c1", "c2"]);
    expect(r.stderr).toBe("");
  });
});

describe("check: every document, waivers, setup errors", () => {
  it("a file whose first document is a rubric and next an assessment has its assessment checked", () => {
    const dir = tempDir();
    const rubric = readFileSync(MINI_RUBRIC, "utf8");
    writeFileSync(join(dir, "both.yaml"), `${rubric}\n---\n${agencyYaml({ pubB: "1" })}`);
    const r = checkJson([join(dir, "both.yaml"), "--min-index", "0.9"], dir);
    expect(r.status).toBe(1);
    expect(r.json.files[0]!.agencies.map((a) => a.id)).toEqual(["c1"]);
    expect(r.json.files[0]!.problems).toEqual([]);
    expect(r.at).toEqual([expect.stringMatching(/^min-index@\d+:1$/)]);
  });

  it("a waiver turns a violation into a waived result until it expires; then it fails and says so", () => {
    const repo = repository();
    writeFileSync(join(repo, "policy.yaml"), ["min:", "  security: 0.9", "waivers:", "  - agency: c1", "    rule: min-dimension", "    dimension: security", "    reason: New security office staffed in March", "    expires: 2026-12-31", "    approved-by: CIO"].join("\n"));
    const before = checkJson(["assessments/c1.yaml", "--policy", "policy.yaml", "--today", "2026-12-31"], repo);
    expect(before.status).toBe(0);
    const v = before.json.files[0]!.agencies[0]!.violations[0]! as unknown as { waiver: { expired: boolean }; failing: boolean };
    expect(v).toMatchObject({ waiver: { expired: false, approvedBy: "CIO" }, failing: false });
    expect(cli(["check", "assessments/c1.yaml", "--policy", "policy.yaml", "--today", "2026-12-31"], repo).stdout).toContain("waived until 2026-12-31 (approved by CIO): New security office staffed in March");
    const after = checkJson(["assessments/c1.yaml", "--policy", "policy.yaml", "--today", "2027-01-01"], repo);
    expect(after.status).toBe(1);
    expect(after.json.files[0]!.agencies[0]!.violations[0]!.message).toContain("Security");
    expect(cli(["check", "assessments/c1.yaml", "--policy", "policy.yaml", "--today", "2027-01-01"], repo).stdout).toContain("the waiver expired on 2026-12-31");
  });

  it("a waiver for an unknown agency or criterion is an error at its line in the policy", () => {
    const repo = repository();
    writeFileSync(join(repo, "policy.yaml"), ["waivers:", "  - agency: c9", "    rule: forbid-na", "    criterion: sec.polcy", "    reason: x", "    expires: 2027-01-01"].join("\n"));
    const r = cli(["check", "assessments", "--policy", "policy.yaml"], repo);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("policy.yaml:2:13  error  POLICY_UNKNOWN_AGENCY");
    expect(r.stderr).toContain("policy.yaml:4:16  error  POLICY_UNKNOWN_CRITERION");
  });

  it("a waiver names a known agency: one read from an incomplete file, an accepted one, or one under `retired:`", () => {
    const repo = repository();
    rmSync(join(repo, "assessments/c2.yaml"));
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ audit: "" }));
    const waivers = (agency: string) => ["  - agency: " + agency, "    rule: min-index", "    reason: Programme under way", "    expires: 2099-01-01"];
    writeFileSync(join(repo, "policy.yaml"), ["waivers:", ...waivers("c1"), ...waivers("c2")].join("\n"));
    const unknown = cli(["check", "assessments", "--policy", "policy.yaml"], repo);
    expect(unknown.stderr).toContain("policy.yaml:6:13  error  POLICY_UNKNOWN_AGENCY");
    expect(unknown.stderr).not.toContain("policy.yaml:2:13");
    const accepted = cli(["check", "assessments", "--policy", "policy.yaml", "--baseline", "HEAD"], repo);
    expect(accepted.stderr).not.toContain("POLICY_UNKNOWN_AGENCY");
    writeFileSync(join(repo, "policy.yaml"), ["retired:", "  - {agency: c2, reason: Merged into c1}", "waivers:", ...waivers("c1"), ...waivers("c2")].join("\n"));
    expect(cli(["check", "assessments", "--policy", "policy.yaml"], repo).stderr).not.toContain("POLICY_UNKNOWN_AGENCY");
  });

  it("a policy pins the rubric by id@version or digest; an assessment on another rubric fails at `rubric:`", () => {
    const repo = repository();
    const digest = digestOf(loadRubricFile(MINI_RUBRIC).rubric!);
    writeFileSync(join(repo, "policy.yaml"), "rubric: egov-maturity@1\n");
    const other = checkJson(["assessments/c1.yaml", "--policy", "policy.yaml"], repo);
    expect(other.status).toBe(1);
    expect(other.at).toEqual(["rubric-pin@1:1"]);
    writeFileSync(join(repo, "policy.yaml"), `rubric: ${digest}\n`);
    expect(checkJson(["assessments/c1.yaml", "--policy", "policy.yaml"], repo).status).toBe(0);
  });

  it("--fail-on-warn fails on an explained drop", () => {
    const repo = repository();
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ pubB: '{level: 1, notes: "Portal withdrawn"}' }));
    expect(checkJson(["assessments", "--baseline", "HEAD"], repo).status).toBe(0);
    expect(checkJson(["assessments", "--baseline", "HEAD", "--fail-on-warn"], repo).status).toBe(1);
  });

  it("a lower-is-better number that got worse reads as a rise", () => {
    const repo = repository();
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml().replace("exe.days: 6", "exe.days: 15"));
    const r = checkJson(["assessments", "--baseline", "HEAD"], repo);
    expect(r.json.files[0]!.agencies[0]!.violations[0]!.message).toBe("exe.days rose from 6 to 15 (lower is better) without a note explaining why");
  });

  it("a setup error still writes every requested output, exit 2", () => {
    const repo = repository();
    writeFileSync(join(repo, "policy.yaml"), "min-index: 0.5\nmin-stag: execution\n");
    const outputs = { sarif: "out/check.sarif", junit: "out/junit.xml", markdown: "out/summary.md", codequality: "out/gl.json", json: "out/check.json" };
    mkdirSync(join(repo, "out"));
    const args = ["check", "assessments", "--policy", "policy.yaml", "--format", "github", ...Object.entries(outputs).flatMap(([f, file]) => ["--report", `${f}=${file}`])];
    const r = cli(args, repo);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=policy.yaml,line=2,col=1,title=UNKNOWN_KEY::/m);
    for (const file of Object.values(outputs)) expect(existsSync(join(repo, file))).toBe(true);
    const sarif = JSON.parse(readFileSync(join(repo, outputs.sarif), "utf8"));
    const note = sarif.runs[0].invocations[0].toolExecutionNotifications[0];
    expect(note.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "policy.yaml", uriBaseId: "SRCROOT" }, region: { startLine: 2, startColumn: 1 } });
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(readFileSync(join(repo, outputs.junit), "utf8")).toMatch(/<error message="policy.yaml:2:1 {2}UNKNOWN_KEY/);
    expect(JSON.parse(readFileSync(join(repo, outputs.json), "utf8"))).toMatchObject({ exitCode: 2, setup: [{ code: "UNKNOWN_KEY", line: 2 }] });
    const unknownRef = cli(["check", "assessments", "--baseline", "no-such-ref", "--format", "json", "--report", "junit=out/j2.xml"], repo);
    expect(unknownRef.status).toBe(2);
    expect(readFileSync(join(repo, "out/j2.xml"), "utf8")).toContain("<error");
  });
});
