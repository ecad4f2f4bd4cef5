import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers.js";

/** The shipped schema `schemas/<name>.schema.json`, compiled; it must equal `egov-maturity schema <name>`. */
function shipped(name: string) {
  const text = readFileSync(join(ROOT, `schemas/${name}.schema.json`), "utf8");
  expect(JSON.parse(cli(["schema", name]).stdout)).toEqual(JSON.parse(text));
  return new Ajv2020.default({ strict: false, allErrors: true }).compile(JSON.parse(text));
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
  it("rubric show is a valid rubric file, for every built-in rubric (a prerequisite has no threshold, not null)", () => {
    const ids = (JSON.parse(json("rubric", "list")) as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    valid("rubric", ids.map((id) => json("rubric", "show", id)));
  });
});
