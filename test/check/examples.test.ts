import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers.js";

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("examples/ci and action.yml", () => {
  it.each(["examples/ci/github-workflow.yml", "examples/ci/gitlab-ci.yml"])("%s runs the packed tool committed under tools/, checked by its sha-256, check once with --report, on the merge-base", (file) => {
    const text = read(file);
    parse(text);
    expect(text).toMatch(/EGOV_MATURITY_SHA256: [0-9a-f]{64}\n/);
    expect(text).toContain('echo "$EGOV_MATURITY_SHA256  $EGOV_MATURITY_TARBALL" | sha256sum -c -');
    expect(text).not.toMatch(/npm install|github\.com\/egov-maturity/);
    expect(text.match(/ check assessments\//g)).toHaveLength(1);
    expect(text).toContain("--report ");
    expect(text).toMatch(/fetch-depth: 0|GIT_DEPTH: 0/);
    expect(text).toMatch(/--baseline "origin\//);
  });

  it("the example assessments are on rubric 2 and valid; the example policy pins it and fails an assessment on 1.x", () => {
    for (const f of ["customs-authority", "health-ministry", "passport-directorate"]) expect(read(`examples/ci/assessments/${f}.yaml`)).toMatch(/^rubric: egov-maturity@2$/m);
    expect(cli(["validate", "examples/ci/"]).status).toBe(0);
    expect(cli(["check", "examples/ci/assessments", "--policy", "examples/ci/policy.yaml"]).status).toBe(0);
    const old = join(tempDir(), "old.yaml");
    writeFileSync(old, read("examples/ci/assessments/health-ministry.yaml").replace("rubric: egov-maturity@2", "rubric: egov-maturity@1").replace(/^  (publication\.accessibility|interaction\.user-research|execution\.(digital-identity|service-standards|e-procurement)|delivery\.(proactive-services|once-only|mobile-services)|infrastructure\.data-governance|outcomes\.[a-z-]+):.*\n/gm, ""));
    const r = cli(["check", old, "--policy", "examples/ci/policy.yaml", "--rubric", "egov-maturity@1", "--allow-incomplete"]);
    expect(r.stdout).toContain("rubric-pin");
    expect(r.status).toBe(1);
  });

  it("the GitHub workflow uploads SARIF only when the token may (not for a fork's pull request)", () => {
    const workflow = parse(read("examples/ci/github-workflow.yml"));
    const upload = workflow.jobs.check.steps.find((s: { uses?: string }) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
  });

  it("action.yml is a composite action that runs the committed tarball checked by its sha-256 and passes inputs as environment", () => {
    const action = parse(read("action.yml"));
    expect(action.runs.using).toBe("composite");
    const steps: { run?: string; uses?: string; if?: string }[] = action.runs.steps;
    expect(action.inputs.sha256.required).toBe(true);
    expect(steps.some((s) => s.run?.includes('echo "$EGOV_SHA256  $EGOV_TARBALL" | sha256sum -c -'))).toBe(true);
    expect(steps.some((s) => s.run?.includes("npm "))).toBe(false);
    for (const s of steps) if (s.run !== undefined) expect(s.run).not.toContain("${{ inputs.");
    expect(steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!.if).toContain("head.repo.full_name == github.repository");
  });
});
