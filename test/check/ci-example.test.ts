/**
 * examples/ci/github-workflow.yml runs as written: its shell steps, in a real git repository holding
 * the example assessments, the policy and the packed tool under tools/ (checked by its sha-256, run
 * without node_modules and without any download), produce every output of one `check` run.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { ROOT, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 180_000 });

interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

function sh(cwd: string, command: string, env: Record<string, string | undefined> = process.env) {
  return spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], { cwd, encoding: "utf8", env });
}

function git(cwd: string, ...args: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.org" };
  const r = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8", env });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

/** The tool packed as a release would be (the build is already in dist/). */
function pack(): { file: string; sha256: string } {
  const out = tempDir();
  const r = spawnSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", out], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const file = join(out, r.stdout.trim().split("\n").pop()!);
  return { file, sha256: createHash("sha256").update(readFileSync(file)).digest("hex") };
}

/** Runs the workflow's `run:` steps in order as the runner would; returns each step's exit status. */
function runWorkflow(repo: string, workflow: { env: Record<string, string>; jobs: { check: { steps: Step[] } } }, sha256: string): { status: Record<string, number | null>; out: string } {
  const runner = tempDir();
  const files = { GITHUB_PATH: join(runner, "path"), GITHUB_OUTPUT: join(runner, "output"), GITHUB_STEP_SUMMARY: join(runner, "summary") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const status: Record<string, number | null> = {};
  let out = "";
  for (const step of workflow.jobs.check.steps) {
    if (step.run === undefined) continue;
    const outputs = Object.fromEntries(readFileSync(files.GITHUB_OUTPUT, "utf8").split("\n").filter(Boolean).map((l) => l.split("=", 2) as [string, string]));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace("${{ github.base_ref }}", "main").replace("${{ steps.check.outputs.exit-code }}", outputs["exit-code"] ?? "")]));
    const path = [...readFileSync(files.GITHUB_PATH, "utf8").split("\n").filter(Boolean), process.env.PATH].join(":");
    const env = { ...process.env, ...workflow.env, EGOV_MATURITY_SHA256: sha256, ...stepEnv, ...files, RUNNER_TEMP: runner, PATH: path, NO_COLOR: "1" };
    const r = sh(repo, step.run, env);
    status[step.name ?? step.id ?? "step"] = r.status;
    out += r.stdout + r.stderr;
    if (r.status !== 0) break;
  }
  return { status, out };
}

describe("examples/ci/github-workflow.yml, run as written", () => {
  const workflow = parse(readFileSync(join(ROOT, "examples/ci/github-workflow.yml"), "utf8"));
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

  it("names the tarball of this version, pins a sha-256, and installs nothing from a registry or a URL", () => {
    expect(workflow.env.EGOV_MATURITY_TARBALL).toBe(`tools/egov-maturity-${version}.tgz`);
    expect(workflow.env.EGOV_MATURITY_SHA256).toMatch(/^[0-9a-f]{64}$/);
    const text = readFileSync(join(ROOT, "examples/ci/github-workflow.yml"), "utf8") + readFileSync(join(ROOT, "examples/ci/gitlab-ci.yml"), "utf8");
    expect(text).not.toMatch(/npm (install|i) |npx |git\+https|curl |wget /);
    for (const step of workflow.jobs.check.steps as Step[]) if (step.uses !== undefined) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} *$/);
  });

  it("in a repository with the tool under tools/: sha-256 checked, one check run, every output; a tampered tarball stops the job", () => {
    const tool = pack();
    const repo = tempDir();
    git(repo, "init", "-q", "-b", "main");
    cpSync(join(ROOT, "examples/ci/assessments"), join(repo, "assessments"), { recursive: true });
    cpSync(join(ROOT, "examples/ci/policy.yaml"), join(repo, "policy.yaml"));
    mkdirSync(join(repo, "tools"));
    cpSync(tool.file, join(repo, workflow.env.EGOV_MATURITY_TARBALL));
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "accepted");
    git(repo, "update-ref", "refs/remotes/origin/main", "main");
    git(repo, "checkout", "-q", "-b", "topic");
    const passport = join(repo, "assessments/passport-directorate.yaml");
    writeFileSync(passport, readFileSync(passport, "utf8").replace(/(  publication\.service-catalogue:\n    level: )4/, "$11"));
    git(repo, "commit", "-q", "-am", "lower an answer");

    const { status, out } = runWorkflow(repo, workflow, tool.sha256);
    expect(Object.values(status).slice(0, 2), out).toEqual([0, 0]);
    expect(out).toContain(": OK");
    expect(out).toMatch(/::error file=assessments\/passport-directorate\.yaml,line=\d+,col=\d+,title=[^:]*\(no-lower-answer\)::moi-passports: publication\.service-catalogue went down from 4 to 1/);
    for (const f of ["check.sarif", "junit.xml", "summary.md"]) expect(readFileSync(join(repo, f), "utf8").length).toBeGreaterThan(100);
    expect(status.Verdict).toBe(1);

    appendFileSync(join(repo, workflow.env.EGOV_MATURITY_TARBALL), "x");
    const tampered = runWorkflow(repo, workflow, tool.sha256);
    expect(Object.values(tampered.status)).toEqual([1]);
    expect(tampered.out).toContain("FAILED");
  });
});
