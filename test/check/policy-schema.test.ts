import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { policyJsonSchema } from "../../src/core/policy-schema.js";
import { checkJson, ROOT, tempDir, writeFiles } from "./helpers.js";

describe("policy schema and the examples/ci repository", () => {
  it("schemas/policy.schema.json is the one generated from the zod schema, and the sample policy follows it", () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, "schemas/policy.schema.json"), "utf8"));
    expect(shipped).toEqual(policyJsonSchema());
    const validate = new Ajv2020.default({ strict: false }).compile(shipped);
    expect(validate(parse(readFileSync(join(ROOT, "examples/ci/policy.yaml"), "utf8")))).toBe(true);
    expect(validate({ "min-index": 2 })).toBe(false);
    expect(validate({ overrides: [{ agencies: ["x"], "min-idx": 1 }] })).toBe(false);
  });

  it("the sample assessments pass the sample policy; the ministry passes only through its override", () => {
    const r = checkJson(["examples/ci/assessments", "--policy", "examples/ci/policy.yaml"]);
    expect(r.status).toBe(0);
    expect(r.json.files.flatMap((f) => f.agencies.map((a) => a.id)).sort()).toEqual(["customs", "moh", "moi-passports"]);
    const withoutOverrides = readFileSync(join(ROOT, "examples/ci/policy.yaml"), "utf8").split("overrides:")[0]!;
    const dir = writeFiles(tempDir(), { "policy.yaml": withoutOverrides });
    const strict = checkJson(["examples/ci/assessments", "--policy", join(dir, "policy.yaml")]);
    expect(strict.at).toEqual(["min-dimension@5:1"]);
    expect(strict.json.files.find((f) => f.agencies.some((a) => a.violations.length > 0))!.agencies[0]!.id).toBe("moh");
  });
});
