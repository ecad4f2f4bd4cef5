import { describe, expect, it } from "vitest";
import { check } from "../../src/check/run.js";
import { render } from "../../src/index.js";
import { cli, ROOT } from "./helpers.js";

describe("check as a library", () => {
  it("returns exactly what the built CLI's --format json prints, exit code included", async () => {
    const args = ["examples/ci/assessments", "--policy", "examples/ci/policy.yaml", "--today", "2026-11-21"];
    const printed = cli(["check", ...args, "--format", "json"], ROOT);
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const data = await check(["examples/ci/assessments"], { policy: "examples/ci/policy.yaml", today: "2026-11-21" });
      expect(data).toEqual(JSON.parse(printed.stdout));
      expect(data.exitCode).toBe(printed.status);
      const sarif = cli(["check", ...args, "--format", "sarif"], ROOT).stdout;
      expect(render("sarif", data)).toBe(sarif);
    } finally {
      process.chdir(cwd);
    }
  });

  it("setup problems are data with exit code 2, never an exception or process.exit", async () => {
    const data = await check([`${ROOT}/examples/ci/assessments`], { policy: `${ROOT}/no-such-policy.yaml`, minIndex: "150%" });
    expect(data.exitCode).toBe(2);
    expect(data.setup.map((p) => p.code)).toEqual(expect.arrayContaining(["USAGE"]));
    expect(data.setup.length).toBeGreaterThanOrEqual(2);
  });
});
