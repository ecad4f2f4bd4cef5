// The library's report() is the CLI's `report --format json`: same data, deep-equal, for every example.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, render, report, UsageError } from "../../src/index.js";
import { cli, ROOT } from "../helpers.js";

const examples = [
  ...readdirSync(`${ROOT}examples`).filter((f) => f.endsWith(".yaml")).map((f) => `examples/${f}`),
  ...readdirSync(`${ROOT}examples/ci/assessments`).map((f) => `examples/ci/assessments/${f}`),
];

describe("report() equals `report --format json`", () => {
  for (const file of examples) {
    for (const lang of [undefined, "ar", "EN"]) {
      it(`${file}${lang ? ` --lang ${lang}` : ""}`, async () => {
        const data = await report(`${ROOT}${file}`, lang ? { lang } : {});
        const printed = cli(["report", file, "--format", "json", ...(lang ? ["--lang", lang] : [])]);
        expect(printed.code).toBe(0);
        // the file names differ (absolute vs relative) nowhere in the report's JSON
        expect(data).toEqual(JSON.parse(printed.stdout));
        expect(render("json", data)).toBe(printed.stdout);
      });
    }
  }

  it("a CSV table with an agency and a mapping, as the CLI's flags in camelCase", async () => {
    const args = ["test/fixtures/data/un-egdi-2022.csv", "--mapping", "examples/composite/un-egdi-2022.mapping.yaml", "--agency", "estonia"];
    const data = await report(`${ROOT}${args[0]}`, { mapping: `${ROOT}${args[2]}`, agency: "estonia" });
    expect(data).toEqual(JSON.parse(cli(["report", ...args, "--format", "json"]).stdout));
  });

  it("renders every other format of the result as the CLI prints it", async () => {
    const file = "examples/health-ministry.yaml";
    const data = await report(`${ROOT}${file}`, { lang: "en" });
    for (const format of ["table", "markdown"]) {
      expect(render(format, data)).toBe(cli(["report", file, "--format", format, "--lang", "en"]).stdout);
    }
    expect(() => render("sarif", data)).toThrow(UsageError);
    expect(() => render("table", JSON.parse(JSON.stringify(data)) as object)).toThrow(UsageError);
  });
});

describe("report() gives problems as data", () => {
  it("an input problem is an InputError with its place", async () => {
    const error = await report(`${ROOT}examples/nope.yaml`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ severity: "error", line: 1 });
  });

  it("an unknown agency and an unknown language are errors, not exits", async () => {
    await expect(report(`${ROOT}examples/health-ministry.yaml`, { agency: "nobody" })).rejects.toBeInstanceOf(InputError);
    await expect(report(`${ROOT}examples/health-ministry.yaml`, { lang: "fr" })).rejects.toBeInstanceOf(UsageError);
  });
});
