// --lang is parsed once for every command: any case, checked against the rubric the same way.
import { describe, expect, it } from "vitest";
import { cli } from "../helpers.js";

const commands: [name: string, args: string[]][] = [
  ["report", ["report", "examples/health-ministry.yaml"]],
  ["score", ["score", "examples/health-ministry.yaml", "examples/passport-directorate.yaml"]],
  ["check", ["check", "examples/health-ministry.yaml", "--min-index", "0"]],
  ["compare", ["compare", "examples/history/civil-status-2024.yaml", "examples/history/civil-status-2026.yaml"]],
];

describe("--lang, the same in every command", () => {
  for (const [name, args] of commands) {
    it(`${name}: --lang AR is --lang ar; --lang fr and --lang 12 are usage errors (exit 2)`, () => {
      const lower = cli([...args, "--lang", "ar"]);
      expect(lower.code, lower.stderr).toBeLessThan(2);
      const upper = cli([...args, "--lang", "AR"]);
      expect(upper.code).toBe(lower.code);
      expect(upper.stdout).toBe(lower.stdout);
      // before the command name, too
      expect(cli(["--lang", "AR", ...args]).stdout).toBe(lower.stdout);

      const fr = cli([...args, "--lang", "fr"]);
      expect(fr.code).toBe(2);
      expect(fr.stdout).toBe("");
      expect(fr.stderr).toMatch(/--lang fr: rubric egov-maturity has no texts in that language\n/);

      const bad = cli([...args, "--lang", "12"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/option '--lang <code>' argument '12' is invalid\. not a language code/);
    }, 60_000);
  }
});
