// Global options (--lang, -o, --rubric-root, -q, --no-color, --debug) mean the same before the command
// name as after it: same stdout, stderr and exit code, and only the named command's module is loaded.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandName } from "../../src/cli/program.js";
import { cli } from "../helpers.js";

const EXAMPLES = ["examples/customs-authority.yaml", "examples/health-ministry.yaml", "examples/municipality-north.yaml", "examples/passport-directorate.yaml"];

const commands: [name: string, args: string[]][] = [
  ["score", ["score", ...EXAMPLES]],
  ["report", ["report", "examples/passport-directorate.yaml"]],
  ["check", ["check", ...EXAMPLES, "--min-index", "0.3"]],
  ["compare", ["compare", "examples/history/civil-status-2024.yaml", "examples/history/civil-status-2026.yaml"]],
];

describe("global options before the command name", () => {
  for (const [name, [command, ...rest]] of commands) {
    it(`${name}: --lang ar|AR|fr before the command equals --lang after it, byte for byte`, () => {
      for (const lang of ["ar", "AR", "fr"]) {
        const before = cli(["--lang", lang, command!, ...rest]);
        const after = cli([command!, ...rest, "--lang", lang]);
        expect({ lang, ...before }).toEqual({ lang, ...after });
        if (lang === "fr") {
          expect(before.code).toBe(2);
          expect(before.stderr).toMatch(/--lang fr: rubric egov-maturity has no texts in that language\n/);
        } else expect(before.code, before.stderr).toBeLessThan(2);
      }
    }, 120_000);
  }

  it("score: -q, --no-color and --rubric-root before the command equal them after it", () => {
    const before = cli(["-q", "--no-color", "--rubric-root", ".", "--lang", "ar", "score", ...EXAMPLES]);
    const after = cli(["score", ...EXAMPLES, "-q", "--no-color", "--rubric-root", ".", "--lang", "ar"]);
    expect(before).toEqual(after);
    expect(before.code).toBe(0);
  }, 60_000);

  it("report: -o FILE before the command writes the same file as after it", () => {
    const dir = mkdtempSync(join(tmpdir(), "global-options-"));
    const before = cli(["-o", join(dir, "before.md"), "--lang", "ar", "report", "examples/health-ministry.yaml", "--format", "markdown"]);
    const after = cli(["report", "examples/health-ministry.yaml", "--format", "markdown", "-o", join(dir, "after.md"), "--lang", "ar"]);
    expect(before).toEqual(after);
    expect(before.code).toBe(0);
    expect(readFileSync(join(dir, "before.md"), "utf8")).toBe(readFileSync(join(dir, "after.md"), "utf8"));
    expect(readFileSync(join(dir, "before.md"), "utf8")).toContain("وزارة");
  }, 60_000);
});

describe("commandName: the command a command line runs, past the global options and their values", () => {
  it.each([
    [["score", "a.yaml"], "score"],
    [["--lang", "ar", "score", "a.yaml"], "score"],
    [["--lang=ar", "report", "a.yaml"], "report"],
    [["-o", "out.md", "--rubric-root", "rubrics", "report", "a.yaml"], "report"],
    [["--output", "report", "check", "a.yaml"], "check"],
    [["-q", "--no-color", "--debug", "compare", "a.yaml", "b.yaml"], "compare"],
    [["--lang", "ar"], undefined],
    [["--help"], undefined],
    [["--", "score"], undefined],
  ] as [string[], string | undefined][])("%j → %s", (args, name) => {
    expect(commandName(args)).toBe(name);
  });
});
