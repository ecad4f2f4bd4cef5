import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("examples/ci and action.yml", () => {
  it.each(["examples/ci/github-workflow.yml", "examples/ci/gitlab-ci.yml"])("%s installs the tool from git at an exact commit, runs check once with --report, on the merge-base", (file) => {
    const text = read(file);
    parse(text);
    expect(text).toMatch(/EGOV_MATURITY_COMMIT: [0-9a-f]{40}\n/);
    expect(text).toContain('npm install --global --no-audit --no-fund "git+$EGOV_MATURITY_GIT#$EGOV_MATURITY_COMMIT"');
    expect(text).not.toMatch(/npm install --global egov-maturity/);
    expect(text.match(/egov-maturity check /g)).toHaveLength(1);
    expect(text).toContain("--report ");
    expect(text).toMatch(/fetch-depth: 0|GIT_DEPTH: 0/);
    expect(text).toMatch(/--baseline "origin\//);
  });

  it("the GitHub workflow uploads SARIF only when the token may (not for a fork's pull request)", () => {
    const workflow = parse(read("examples/ci/github-workflow.yml"));
    const upload = workflow.jobs.check.steps.find((s: { uses?: string }) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
  });

  it("action.yml is a composite action that builds the tool from its own (pinned) files and passes inputs as environment", () => {
    const action = parse(read("action.yml"));
    expect(action.runs.using).toBe("composite");
    const steps: { run?: string; uses?: string; if?: string }[] = action.runs.steps;
    expect(steps.some((s) => s.run === "npm ci --no-audit --no-fund")).toBe(true);
    for (const s of steps) if (s.run !== undefined) expect(s.run).not.toContain("${{ inputs.");
    expect(steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!.if).toContain("head.repo.full_name == github.repository");
  });
});
