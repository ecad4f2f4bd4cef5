import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agencyYaml, checkJson, tempDir, writeFiles } from "./helpers.js";

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

/** A repository with one accepted assessment under assessments/. */
function repository(): string {
  const repo = tempDir();
  git(repo, "init", "-q", "-b", "main");
  mkdirSync(join(repo, "assessments"));
  writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml());
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "accepted");
  return repo;
}

describe("check --baseline through a real git repository", () => {
  it("a level lowered without a note fails at the answer's line; the dimension that fell is named; a note explaining it passes", () => {
    const repo = repository();
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ pubB: "1" }));
    git(repo, "commit", "-q", "-am", "lower pub.b");
    const lowered = checkJson(["assessments", "--baseline", "HEAD~1"], repo);
    expect(lowered.status).toBe(1);
    expect(lowered.at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1"]);
    const v = lowered.json.files[0]!.agencies[0]!.violations[0]!;
    expect([v.criterion, v.expected, v.actual]).toEqual(["pub.b", 3, 1]);
    expect(lowered.json.files[0]!.agencies[0]!.baseline).toBe("compared");

    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ pubB: '{level: 1, notes: "The forms portal was withdrawn for a rewrite"}' }));
    git(repo, "commit", "-q", "-am", "explain");
    const explained = checkJson(["assessments", "--baseline", "HEAD~2"], repo);
    expect(explained.status).toBe(0);
    expect(explained.at).toEqual(["no-lower-answer@12:3 (warning)", "no-lower-dimension@2:1 (warning)"]);
  });

  it("a lost stage is a violation; a new agency passes; a raised level is no violation", () => {
    const repo = repository();
    writeFileSync(join(repo, "assessments/c1.yaml"), agencyYaml({ audit: " 10", pubB: "4" }));
    writeFileSync(join(repo, "assessments/new.yaml"), agencyYaml({ id: "newcomer" }));
    const r = checkJson(["assessments", "--baseline", "HEAD"], repo);
    expect(r.status).toBe(1);
    expect(r.at).toEqual(["no-lower-answer@16:3", "no-lower-dimension@2:1", "no-lost-stage@2:1"]);
    const stage = r.json.files[0]!.agencies[0]!.violations[2]!;
    expect([stage.expected, stage.actual]).toEqual(["execution", "publication"]);
    expect(r.json.files[1]!.agencies[0]!).toMatchObject({ id: "newcomer", baseline: "new", violations: [] });
  });

  it("the accepted version is found by agency id, even after a rename; a folder works as the baseline too", () => {
    const repo = repository();
    git(repo, "mv", "assessments/c1.yaml", "assessments/renamed.yaml");
    writeFileSync(join(repo, "assessments/renamed.yaml"), agencyYaml({ pubB: "2" }));
    expect(checkJson(["assessments", "--baseline", "HEAD"], repo).at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1"]);
    const accepted = writeFiles(tempDir(), { "old.yaml": agencyYaml() });
    expect(checkJson([join(repo, "assessments"), "--baseline", accepted]).at).toEqual(["no-lower-answer@12:3", "no-lower-dimension@2:1"]);
  });
});
