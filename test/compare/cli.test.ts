import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers.js";

const F = "test/fixtures/compare/";
const codes = (stderr: string) => [...stderr.matchAll(/ error {2}([A-Z_]+) /g)].map((m) => m[1]);

describe("egov-maturity compare (built CLI)", () => {
  it("files in any order give the same report", () => {
    const a = cli(["compare", `${F}a1-2026.yaml`, `${F}a1-2024.yaml`, `${F}a1-2025.yaml`, "--format", "json"]);
    const b = cli(["compare", `${F}a1-2024.yaml`, `${F}a1-2025.yaml`, `${F}a1-2026.yaml`, "--format", "json"]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe("");
    const json = JSON.parse(a.stdout);
    expect(json.assessments.map((x: { date: string }) => x.date)).toEqual(["2024-11-01", "2025-11-01", "2026-11-01"]);
    expect(json.stage).toMatchObject({ before: null, after: "execution", direction: "up" });
    expect(JSON.parse(b.stdout).dimensions).toEqual(json.dimensions);
  });
  it("mismatched agencies: exit 2, MISMATCHED_AGENCY at the agency id's line", () => {
    const r = cli(["compare", `${F}a1-2024.yaml`, `${F}b2-2026.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(codes(r.stderr)).toEqual(["MISMATCHED_AGENCY"]);
    expect(r.stderr).toContain(`${F}b2-2026.yaml:2:14`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it("--agency picks one agency out of mixed files", () => {
    const r = cli(["compare", `${F}a1-2024.yaml`, `${F}b2-2026.yaml`, `${F}a1-2026.yaml`, "--agency", "a1", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).agency.id).toBe("a1");
  });
  it("an assessment without a date: exit 2, DATE_MISSING", () => {
    const r = cli(["compare", `${F}a1-2024.yaml`, `${F}undated.yaml`]);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual(["DATE_MISSING"]);
  });
  it("a missing file and a bad --stale-after: exit 2", () => {
    expect(cli(["compare", `${F}a1-2024.yaml`, `${F}nope.yaml`]).code).toBe(2);
    const bad = cli(["compare", `${F}a1-2024.yaml`, `${F}a1-2026.yaml`, "--stale-after", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--stale-after");
    expect(cli(["compare", `${F}a1-2024.yaml`]).code).toBe(2);
  });
  it("--stale-after changes which evidence is stale", () => {
    const args = ["compare", `${F}a1-2024.yaml`, `${F}a1-2026.yaml`, "--format", "json"];
    expect(JSON.parse(cli(args).stdout).evidence.stale).toHaveLength(1);
    expect(JSON.parse(cli([...args, "--stale-after", "800"]).stdout).evidence.stale).toHaveLength(0);
  });
  it("a rubric change is reported, new and dropped criteria named", () => {
    const r = cli(["compare", `${F}a1-2027-v2.yaml`, `${F}a1-2026.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mini 2.1.0 → mini 3.0.0");
    expect(r.stdout).toMatch(/New criteria.*pub\.c/);
    expect(r.stdout).toMatch(/Dropped criteria.*pub\.b/);
  });
  it("the history example: html in Arabic, self-contained, written atomically with --output", () => {
    const out = `${process.env.TMPDIR ?? "/tmp"}/compare-${process.pid}.html`;
    const r = cli(["compare", "examples/history/civil-status-2024.yaml", "examples/history/civil-status-2025.yaml", "examples/history/civil-status-2026.yaml", "--format", "html", "--lang", "ar", "--output", out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('class="trend chart"');
    expect(html).toContain('class="radar chart"');
    expect(html).not.toMatch(/<script|src="http|href="http[^"]*\.css/);
  });
});
