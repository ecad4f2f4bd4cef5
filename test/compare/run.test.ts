// The library's compare() is the CLI's `compare --format json`: same data, deep-equal.
import { describe, expect, it } from "vitest";
import { compare, InputError, render, UsageError } from "../../src/index.js";
import { cli, ROOT } from "../helpers.js";

const history = ["examples/history/civil-status-2024.yaml", "examples/history/civil-status-2025.yaml", "examples/history/civil-status-2026.yaml"];
const fixtures = "test/fixtures/compare";
const sets: [name: string, files: string[], flags: Record<string, string>][] = [
  ["the example history", history, {}],
  ["two of it, in Arabic", [history[2]!, history[0]!], { lang: "ar" }],
  ["a rubric change between assessments", [`${fixtures}/a1-2026.yaml`, `${fixtures}/a1-2027-v2.yaml`], {}],
  ["four years, stale after 730 days", [`${fixtures}/a1-2024.yaml`, `${fixtures}/a1-2025.yaml`, `${fixtures}/a1-2026.yaml`], { staleAfter: "730" }],
];

const flagsOf = (options: Record<string, string>) => Object.entries(options).flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, v]);

describe("compare() equals `compare --format json`", () => {
  for (const [name, files, options] of sets) {
    it(name, async () => {
      const printed = cli(["compare", ...files, "--format", "json", ...flagsOf(options)]);
      expect(printed.code, printed.stderr).toBe(0);
      // The CLI names the files as given; so does the library.
      const data = await compare(files.map((f) => `${ROOT}${f}`), options);
      const expected = JSON.parse(printed.stdout) as { assessments: { file: string | null }[] };
      for (const a of expected.assessments) a.file = a.file === null ? null : `${ROOT}${a.file}`;
      expect(data).toEqual(expected);
    });
  }

  it("renders the table and markdown formats as the CLI prints them", async () => {
    const relative = await compare(history, { lang: "en" }); // vitest runs in the repository root
    for (const format of ["table", "markdown"]) expect(render(format, relative)).toBe(cli(["compare", ...history, "--format", format, "--lang", "en"]).stdout);
  });
});

describe("compare() gives problems as data", () => {
  it("an undated assessment is an InputError; one file, or a bad --stale-after, a UsageError", async () => {
    await expect(compare([`${ROOT}${fixtures}/a1-2026.yaml`, `${ROOT}${fixtures}/undated.yaml`])).rejects.toBeInstanceOf(InputError);
    await expect(compare([`${ROOT}${history[0]}`])).rejects.toBeInstanceOf(UsageError);
    await expect(compare(history.map((f) => `${ROOT}${f}`), { staleAfter: "soon" })).rejects.toBeInstanceOf(UsageError);
  });
});
