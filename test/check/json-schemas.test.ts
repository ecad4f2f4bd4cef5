import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers.js";

/**
 * The schema `egov-maturity schema <name>` prints, compiled. For the schemas of this issue (check,
 * score, compare, validate) the committed `schemas/<name>.schema.json` must be that one; the report
 * and rubric schemas' freshness is test/e2e's to hold.
 */
function shipped(name: string, ndjson = false) {
  const generated = JSON.parse(cli(["schema", name, ...(ndjson ? ["--ndjson"] : [])]).stdout);
  const file = ndjson ? `schemas/${name}.ndjson.schema.json` : `schemas/${name}.schema.json`;
  if (["check", "score", "compare", "validate", "rubric"].includes(name)) expect(generated).toEqual(JSON.parse(readFileSync(join(ROOT, file), "utf8")));
  return new Ajv2020.default({ strict: false, allErrors: true }).compile(generated);
}

/** Every object of a JSON Schema that lists properties forbids others (the outputs are fixed). */
function everyObjectStrict(schema: unknown, at = "#"): string[] {
  if (schema === null || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const own = node.properties !== undefined && node.additionalProperties !== false ? [at] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => everyObjectStrict(v, `${at}/${k}`))];
}

function valid(name: string, outputs: string[]): void {
  const validate = shipped(name);
  for (const text of outputs) {
    const data = JSON.parse(text);
    expect(validate(data), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    if (name !== "rubric") expect(typeof data.schemaVersion).toBe("number");
  }
}

const json = (...args: string[]) => cli([...args, "--format", "json"]).stdout;
const EXAMPLES = ["examples/customs-authority.yaml", "examples/health-ministry.yaml", "examples/municipality-north.yaml", "examples/passport-directorate.yaml"];

describe("every JSON output validates against its shipped schema, for every example", () => {
  it("report", () => valid("report", EXAMPLES.map((f) => json("report", f))));
  it("score (the examples together, by group, with errors)", () => valid("score", [json("score", "examples/"), json("score", ...EXAMPLES, "--group-by", "sector"), json("score", "examples/", "no-such.yaml")]));
  it("compare (two and three assessments)", () => valid("compare", [json("compare", "examples/history/civil-status-2024.yaml", "examples/history/civil-status-2025.yaml"), json("compare", "examples/history/civil-status-2024.yaml", "examples/history/civil-status-2025.yaml", "examples/history/civil-status-2026.yaml")]));
  it("validate (valid examples, and a missing file)", () => valid("validate", [json("validate", "examples/"), json("validate", "examples/ci/", "no-such.yaml")]));
  it("check (the CI example)", () => valid("check", [json("check", "examples/ci/assessments", "--policy", "examples/ci/policy.yaml")]));
  it("rubric show carries schemaVersion and is a valid rubric file, for every built-in rubric, in each of its languages", () => {
    const ids = (JSON.parse(json("rubric", "list")) as { rubrics: { id: string }[] }).rubrics.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const shown = ids.flatMap((id) => ["en", "ar"].map((lang) => json("rubric", "show", id, "--lang", lang)));
    for (const text of shown) for (const d of JSON.parse(text).dimensions) expect(d.threshold).not.toBeNull();
    valid("rubric", shown);
    for (const text of shown) expect(JSON.parse(text).schemaVersion).toBe(1);
  });

  it("rubric list validates against `schema rubric --list` (the shipped schemas/rubric-list.schema.json), in both languages; the schema is strict", () => {
    const generated = JSON.parse(cli(["schema", "rubric", "--list"]).stdout);
    expect(generated).toEqual(JSON.parse(readFileSync(join(ROOT, "schemas/rubric-list.schema.json"), "utf8")));
    expect(everyObjectStrict(generated)).toEqual([]);
    const validate = new Ajv2020.default({ strict: false, allErrors: true }).compile(generated);
    for (const lang of ["en", "ar"]) {
      const data = JSON.parse(cli(["rubric", "list", "--format", "json", "--lang", lang]).stdout);
      expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(data.schemaVersion).toBe(1);
    }
    const data = JSON.parse(json("rubric", "list"));
    expect(validate({ ...data, rubrics: [{ ...data.rubrics[0], extra: 1 }] })).toBe(false);
    expect(validate(data.rubrics)).toBe(false);
  });

  it("score --format ndjson: every line validates against `schema score --ndjson` (agency, error and summary lines)", () => {
    const validate = shipped("score", true);
    const lines = cli(["score", "examples/", "no-such.yaml", "--group-by", "sector", "--format", "ndjson"]).stdout.trim().split("\n");
    const kinds = new Set<string>();
    for (const line of lines) {
      const data = JSON.parse(line);
      kinds.add(data.type);
      expect(validate(data), `${line.slice(0, 80)}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    expect([...kinds].sort()).toEqual(["agency", "error", "summary"]);
  });

  it("the score JSON carries pendingGates next to blockedBy, as the report JSON does", () => {
    const batch = JSON.parse(json("score", ...EXAMPLES));
    for (const file of EXAMPLES) {
      const report = JSON.parse(json("report", file));
      const agency = batch.results.find((a: { id: string }) => a.id === report.agency.id);
      const numbers = (gates: { text?: string; holds?: boolean }[]) => gates.map(({ text: _t, holds: _h, ...g }) => g);
      expect(agency.stage.blockedBy).toEqual(numbers(report.stage.blockedBy));
      expect(agency.stage.pendingGates).toEqual(numbers(report.stage.pendingGates));
    }
    expect(batch.results.some((a: { stage: { pendingGates: unknown[] } }) => a.stage.pendingGates.length > 0)).toBe(true);
  });

  it.each(["score", "compare", "validate", "check", "report"])("schema %s is strict: every object forbids fields it does not list, and an extra field fails", (name) => {
    const schema = JSON.parse(cli(["schema", name]).stdout);
    expect(everyObjectStrict(schema)).toEqual([]);
    const sample: Record<string, string> = {
      score: json("score", ...EXAMPLES),
      compare: json("compare", "examples/history/civil-status-2024.yaml", "examples/history/civil-status-2025.yaml"),
      validate: json("validate", "examples/"),
      check: json("check", "examples/ci/assessments"),
      report: json("report", EXAMPLES[0]!),
    };
    const validate = shipped(name);
    expect(validate({ ...JSON.parse(sample[name]!), extra: true })).toBe(false);
  });

  it("schema score --ndjson is strict too", () => {
    expect(everyObjectStrict(JSON.parse(cli(["schema", "score", "--ndjson"]).stdout))).toEqual([]);
  });
});
