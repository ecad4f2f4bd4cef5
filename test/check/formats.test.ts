import { join, relative } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { checkResult, type CheckResult } from "../../src/check/result.js";
import type { Rubric } from "../../src/core/rubric.js";
import { loadRubricFile } from "../../src/io/rubric-load.js";
import { escapeCommandData, escapeCommandProperty, renderCheckGithub } from "../../src/check/formats/github.js";
import { checkFormats } from "../../src/check/formats/index.js";
import { renderCheckJunit } from "../../src/check/formats/junit.js";
import { artifactUri, renderCheckSarif } from "../../src/check/formats/sarif.js";
import type { RenderContext } from "../../src/render/context.js";
import { agencyYaml, cli, MINI_RUBRIC, ROOT, tempDir, writeFiles } from "./helpers.js";
import { parseXml } from "./xml.js";

const ctx = (lang = "en"): RenderContext => ({ lang, color: false, toolVersion: "0.0.0-test", now: new Date("2026-11-21T00:00:00Z"), width: 80 });
let rubric: Rubric;
beforeAll(() => {
  rubric = loadRubricFile(MINI_RUBRIC).rubric!;
});

/** A result whose every file text is `text`: file name, problem message and hint, agency name, note. */
function hostile(text: string): CheckResult {
  return checkResult([
    { file: `bad ${text}.yaml`, problems: [{ code: "YAML_SYNTAX", severity: "error", message: text, hint: text, file: `bad ${text}.yaml`, line: 3, column: 7 }], agencies: [] },
    {
      file: `${text}/a.yaml`,
      problems: [],
      agencies: [
        {
          id: "a1",
          name: { en: text, ar: text },
          document: 0,
          rubric,
          index: 0.5,
          stage: "publication",
          baseline: "compared",
          state: "checked",
          rules: ["valid-input", "min-index", "no-lower-answer"],
          violations: [
            { rule: "min-index", severity: "error", path: ["agency"], actual: 0.5, expected: 0.6, line: 2, column: 1 },
            { rule: "no-lower-answer", severity: "warning", path: ["answers", "pub.a"], criterion: "pub.a", actual: 1, expected: 3, note: text, line: 9, column: 3 },
          ],
        },
      ],
    },
  ]);
}

/** The required structure of SARIF 2.1.0 that consumers (GitHub code scanning) rely on. */
const SARIF_SUBSET = {
  type: "object",
  required: ["$schema", "version", "runs"],
  properties: {
    $schema: { const: "https://json.schemastore.org/sarif-2.1.0.json" },
    version: { const: "2.1.0" },
    runs: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["tool", "results"],
        properties: {
          tool: {
            type: "object",
            required: ["driver"],
            properties: {
              driver: {
                type: "object",
                required: ["name", "version", "rules"],
                properties: {
                  name: { type: "string" },
                  informationUri: { type: "string", pattern: "^https://" },
                  rules: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["id", "name", "shortDescription", "fullDescription", "help"],
                      properties: {
                        id: { type: "string" },
                        shortDescription: { $ref: "#/$defs/message" },
                        fullDescription: { $ref: "#/$defs/message" },
                        help: { $ref: "#/$defs/message" },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: "array",
            items: {
              type: "object",
              required: ["ruleId", "ruleIndex", "level", "message", "locations"],
              properties: {
                ruleIndex: { type: "integer", minimum: 0 },
                level: { enum: ["none", "note", "warning", "error"] },
                message: { $ref: "#/$defs/message" },
                locations: {
                  type: "array",
                  minItems: 1,
                  items: {
                    type: "object",
                    required: ["physicalLocation"],
                    properties: {
                      physicalLocation: {
                        type: "object",
                        required: ["artifactLocation", "region"],
                        properties: {
                          artifactLocation: { type: "object", required: ["uri"], properties: { uri: { type: "string", pattern: "^[^\\\\ ]*$" } } },
                          region: { type: "object", required: ["startLine", "startColumn"], properties: { startLine: { type: "integer", minimum: 1 }, startColumn: { type: "integer", minimum: 1 } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  $defs: { message: { type: "object", required: ["text"], properties: { text: { type: "string" } } } },
};
const validateSarif = new Ajv2020.default({ strict: false }).compile(SARIF_SUBSET);

describe("sarif", () => {
  it("validates, with a rule per check whose index matches, and results at their file and line, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const sarif = JSON.parse(renderCheckSarif(hostile(text), ctx()));
        expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
        const run = sarif.runs[0];
        for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        expect(run.results.map((r: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => `${r.ruleId}:${r.level}@${r.locations[0]!.physicalLocation.region.startLine}:${r.locations[0]!.physicalLocation.region.startColumn}`)).toEqual(["valid-input:error@3:7", "min-index:error@2:1", "no-lower-answer:warning@9:3"]);
      }),
      { numRuns: 100 },
    );
  });

  it("the project's URL comes from package.json `homepage` alone: informationUri and every rule's helpUri, or none at all", () => {
    const without = JSON.parse(renderCheckSarif(hostile("x"), ctx())).runs[0].tool.driver;
    expect(without.informationUri).toBeUndefined();
    expect(without.rules.map((r: { helpUri?: string }) => r.helpUri)).toEqual(without.rules.map(() => undefined));
    const result = hostile("x");
    result.homepage = "https://git.example.gov/digital/egov-maturity";
    const driver = JSON.parse(renderCheckSarif(result, ctx())).runs[0].tool.driver;
    expect(driver.informationUri).toBe("https://git.example.gov/digital/egov-maturity");
    for (const rule of driver.rules) expect(rule.helpUri).toBe("https://git.example.gov/digital/egov-maturity");
  });

  it("artifact URIs are relative with forward slashes, segments percent-encoded", () => {
    expect(artifactUri("assessments\\moh.yaml")).toBe("assessments/moh.yaml");
    expect(artifactUri("./a b/وزارة.yaml")).toBe("a%20b/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9.yaml");
    // Never a file:// URI with the machine's absolute path: outputs name files from the repository root.
    expect(artifactUri("abs/x.yaml")).toBe("abs/x.yaml");
  });
});

describe("junit", () => {
  it("is well-formed XML for any text, a testsuite per file, a testcase per rule, a failure per failing rule", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const root = parseXml(renderCheckJunit(hostile(text), ctx()));
        expect(root.name).toBe("testsuites");
        expect(root.children.map((s) => [s.name, s.attributes.tests, s.attributes.failures, s.attributes.errors, s.attributes.skipped])).toEqual([
          ["testsuite", "1", "0", "1", "0"],
          ["testsuite", "12", "1", "0", "9"],
        ]);
        const cases = root.children[1]!.children.filter((c) => c.children[0]?.name !== "skipped");
        expect(cases.map((c) => [c.attributes.name, c.attributes.classname, c.children.map((x) => x.name).join()])).toEqual([
          ["valid-input: Valid assessment file", `${text}/a.yaml`.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ""), ""],
          ["min-index: Minimum index", "a1", "failure"],
          ["no-lower-answer: No unexplained lower answer", "a1", "system-out"],
        ]);
        expect(root.attributes).toMatchObject({ tests: "13", failures: "1", errors: "1" });
      }),
      { numRuns: 200 },
    );
  });

  it("keeps `<&\"'` in names and notes as text", () => {
    const root = parseXml(renderCheckJunit(hostile(`<x a="1">&amp;'`), ctx()));
    expect(root.children[0]!.attributes.name).toBe(`bad <x a="1">&amp;'.yaml`);
    const noted = root.children[1]!.children.find((c) => c.attributes.name?.startsWith("no-lower-answer"))!;
    expect(noted.children[0]!.text).toContain(`explained: <x a="1">&amp;'`);
  });
});

describe("github workflow commands", () => {
  it("escapes %, CR and LF in the message, and also : and , in properties", () => {
    expect(escapeCommandData("50% a\r\nb: c, d")).toBe("50%25 a%0D%0Ab: c, d");
    expect(escapeCommandProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("every line is one command for any text: no raw CR or LF inside, properties free of , and :", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const lines = renderCheckGithub(hostile(text), ctx()).split("\n").slice(0, -2);
        expect(lines).toHaveLength(3);
        for (const line of lines) {
          const m = /^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$/.exec(line);
          expect(m, line).not.toBeNull();
          expect(m![6]).not.toMatch(/[\r\n]/);
        }
        expect(lines[2]).toMatch(/^::warning .*line=9,col=3,title=No unexplained lower answer \(no-lower-answer\)::/);
      }),
      { numRuns: 100 },
    );
  });

  it("more than 10 annotations of a level: a notice first says how many more and where to see them all", () => {
    const many = hostile("x");
    const agency = many.files[1]!.agencies[0]!;
    agency.violations = Array.from({ length: 13 }, (_, i) => ({ rule: "min-index" as const, severity: "error" as const, path: ["agency"], actual: 0.5, expected: 0.6, line: i + 1, column: 1 }));
    const lines = renderCheckGithub(many, ctx()).split("\n");
    expect(lines[0]).toMatch(/^::notice title=egov-maturity::4 more error annotations are not shown here \(GitHub shows 10 per step\)/);
    expect(lines.filter((l) => l.startsWith("::error ")).length).toBe(14);
    const few = renderCheckGithub(hostile("x"), ctx());
    expect(few).not.toContain("::notice");
  });

  it("a waived violation is a notice, not an error, and does not fail", () => {
    const waived = hostile("x");
    const v = waived.files[1]!.agencies[0]!.violations[0]!;
    v.waiver = { reason: "Programme under way", expires: "2027-01-01", expired: false };
    const again = checkResult(waived.files, {});
    expect(renderCheckGithub(again, ctx())).toMatch(/^::notice file=x\/a.yaml,line=2,col=1,title=Minimum index \(min-index\)::a1: index 50.0%25 is below the minimum 60.0%25 — waived until 2027-01-01: Programme under way$/m);
    expect(JSON.parse(renderCheckSarif(again, ctx())).runs[0].results.find((r: { ruleId: string }) => r.ruleId === "min-index").suppressions).toEqual([{ kind: "external", status: "accepted", justification: "Programme under way (expires 2027-01-01)" }]);
  });

  it("points each annotation at the answer's line in the YAML (end to end)", () => {
    const d = writeFiles(tempDir(), { "c1.yaml": agencyYaml() });
    const r = cli(["check", join(d, "c1.yaml"), "--require-evidence-from", "3", "--min-index", "0.9", "--format", "github"]);
    expect(r.status).toBe(1);
    // Relative to the repository root (here the project's), never the machine's absolute path.
    const f = escapeCommandProperty(relative(ROOT, join(d, "c1.yaml")));
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      `::error file=${f},line=2,col=1,title=Minimum index (min-index)::c1: index 77.2%25 is below the minimum 90.0%25`,
      `::error file=${f},line=12,col=3,title=Evidence for high levels (require-evidence)::c1: pub.b is at level 3 but lists no evidence (required from level 3)`,
    ]);
  });
});

describe("every format", () => {
  it.each(Object.keys(checkFormats))("%s renders the same bytes twice (no clock, no randomness) in en and ar", (format) => {
    for (const lang of ["en", "ar"]) {
      const a = checkFormats[format]!(hostile("x"), ctx(lang));
      expect(checkFormats[format]!(hostile("x"), ctx(lang))).toBe(a);
      expect(a.length).toBeGreaterThan(0);
    }
  });

  it("markdown keeps a file's text from breaking the table or injecting HTML", () => {
    const md = checkFormats.markdown!(hostile("|<script>\n# x"), ctx());
    expect(md).not.toContain("<script>");
    for (const row of md.split("\n").filter((l) => l.startsWith("| "))) expect(row.split(/(?<!\\)\|/).length).toBe(5);
  });

  it("table strips terminal escape sequences from file texts", () => {
    const out = checkFormats.table!(hostile("\u001b[31mred\u001b]0;title\u0007"), ctx());
    expect(out).not.toContain("\u001b");
    expect(out).not.toContain("\u0007");
  });
});

describe("golden outputs", () => {
  it.each(Object.keys(checkFormats).flatMap((format) => ["en", "ar"].map((lang) => [format, lang] as const)))("%s in %s", async (format, lang) => {
    const result = hostile("Agency records");
    result.baseline = "git origin/main";
    const ext = { table: "txt", json: "json", markdown: "md", github: "txt", junit: "xml", sarif: "sarif", codequality: "json" }[format] ?? "txt";
    await expect(checkFormats[format]!(result, ctx(lang))).toMatchFileSnapshot(`../golden/check-${format}.${lang}.${ext}`);
  });
});
