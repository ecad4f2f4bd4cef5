import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers.js";

/** The README's `$ egov-maturity report|compare …` samples: the command and the lines shown under it. */
function samples(): { command: string; shown: string[] }[] {
  const text = readFileSync(`${ROOT}README.md`, "utf8");
  const out: { command: string; shown: string[] }[] = [];
  for (const block of text.matchAll(/^```\n(\$ egov-maturity (?:report|compare) [^\n]*)\n([\s\S]*?)^```$/gm)) {
    out.push({ command: block[1]!.slice(2), shown: block[2]!.split("\n").filter((l) => l !== "" && l.trim() !== "...") });
  }
  return out;
}

/** The arguments of a sample command, with its one glob (`dir/*.yaml`) expanded as a shell would. */
function args(command: string): string[] {
  return command
    .split(" ")
    .slice(1)
    .flatMap((a) => {
      const glob = /^(.*)\/\*\.yaml$/.exec(a);
      return glob ? readdirSync(`${ROOT}${glob[1]}`).filter((f) => f.endsWith(".yaml")).sort().map((f) => `${glob[1]}/${f}`) : [a];
    });
}

describe("README samples of report and compare are the built CLI's real output", () => {
  const found = samples();
  it("finds them", () => {
    expect(found.map((s) => s.command.split(" ")[1])).toEqual(expect.arrayContaining(["report", "compare"]));
  });
  for (const sample of found) {
    it(sample.command, () => {
      const r = cli(args(sample.command));
      expect(r.stderr).toBe("");
      const lines = r.stdout.split("\n").map((l) => l.trimEnd());
      // Every line shown is a line of the output, in the output's order (the README elides with "...").
      let at = 0;
      for (const line of sample.shown) {
        const next = lines.indexOf(line.trimEnd(), at);
        expect(next, `README line not in the output (in order): ${line}`).toBeGreaterThanOrEqual(0);
        at = next + 1;
      }
    });
  }
});
