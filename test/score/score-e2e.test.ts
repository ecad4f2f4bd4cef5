import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
// @ts-expect-error the bench is plain JavaScript without types
import { generateAssessment, prng } from "../../bench/batch.js";

const bin = "bin/egov-maturity.js";
const good = "test/fixtures/batch/good";

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 1 << 26 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface AgencyJson {
  rank?: number;
  id: string;
  file: string;
  document: number;
  index: number | null;
  classification: { id: string } | null;
  stage: { current: string | null; next: string | null; blockedBy: unknown[] };
  dimensions: Record<string, number | null>;
}

/** A folder of generated agencies (the bench's generator), enough to run on worker threads. */
function generatedFolder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "egov-score-"));
  const rubric = parse(readFileSync("rubrics/egov-maturity.yaml", "utf8")) as { dimensions: { criteria: unknown[] }[] };
  const criteria = rubric.dimensions.flatMap((d) => d.criteria);
  const random = prng(7);
  mkdirSync(join(dir, "sub"));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, i % 3 === 0 ? "sub" : "", `a${String(i).padStart(4, "0")}.yaml`), generateAssessment(i, criteria, random) as string);
  return dir;
}

/** The order `score` reads a folder in: entries sorted by name, folders recursively in their place. */
function walkOrder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => e.name)
    .sort()
    .flatMap((name) => (name === "sub" ? walkOrder(join(dir, name)) : name.endsWith(".yaml") ? [join(dir, name)] : []));
}

describe("score", () => {
  it("ranks with ties (1, 2, 2, 4) and rolls up groups to hand-computed numbers", () => {
    const r = cli(["score", good, "--format", "json", "--group-by", "sector"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((a: AgencyJson) => [a.id, a.rank])).toEqual([["alpha", 1], ["beta", 2], ["gamma", 2], ["delta", 4]]);
    expect(out.results[1].index).toBeCloseTo(1.3 / 3, 12);
    expect(out.summary.index.mean).toBeCloseTo((1 + 1.3 / 3 + 1.3 / 3 + 0) / 4, 12);
    expect(out.summary.stages.map((s: { id: string | null; count: number }) => [s.id, s.count])).toEqual([["publication", 0], ["execution", 1], [null, 3]]);
    const [health, finance] = out.groups.groups;
    expect([health.value, health.rank, health.agencies, finance.value, finance.rank]).toEqual(["health", 1, 2, "finance", 2]);
    expect(health.index.mean).toBeCloseTo((1 + 1.3 / 3) / 2, 12);
    expect(finance.index.mean).toBeCloseTo(1.3 / 6, 12);
    const pub = (g: { dimensions: { id: string; mean: number; sd: number }[] }) => g.dimensions.find((d) => d.id === "publication")!;
    expect([pub(health).mean, pub(health).sd, pub(finance).mean, pub(finance).sd]).toEqual([0.75, 0.25, 0.25, 0.25]);
    expect(health.dimensions.find((d: { id: string }) => d.id === "security").mean).toBeCloseTo(0.65, 12);
    // Below the dimension's target: pub.a, pub.b (0.8), sec.policy, sec.audit (0.75) for beta, gamma, delta; exe.* (0.5) only for delta.
    expect(out.summary.commonGaps.map((g: { criterion: string; agencies: number }) => [g.criterion, g.agencies])).toEqual([["pub.a", 3], ["pub.b", 3], ["sec.policy", 3], ["sec.audit", 3], ["exe.share", 1], ["exe.days", 1]]);
    expect(health.commonGaps.map((g: { criterion: string; agencies: number }) => [g.criterion, g.agencies])).toEqual([["pub.a", 1], ["pub.b", 1], ["sec.policy", 1], ["sec.audit", 1]]);
  });

  it("scores every good file, names every bad one with file:line:column, exits 2", () => {
    const r = cli(["score", good, "test/fixtures/mini/bad.yaml", "missing.yaml", "--format", "json"]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(4);
    const codes = out.errors.map((e: { file: string; code: string }) => `${e.file} ${e.code}`);
    expect(codes).toContain("missing.yaml FILE_NOT_FOUND");
    expect(codes).toContain("test/fixtures/mini/bad.yaml LEVEL_OUT_OF_RANGE");
    expect(r.stderr).toMatch(/^test\/fixtures\/mini\/bad\.yaml:\d+:\d+ {2}error {2}UNKNOWN_KEY/m);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("reports a duplicate agency id at its line and leaves it out", () => {
    const r = cli(["score", good, `${good}/b-beta.yaml`, "--format", "csv"]);
    expect(r.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "egov-dup-"));
    // A committed file names its rubric inside its own folder (an absolute path is refused): a copy beside it.
    writeFileSync(join(dir, "rubric.yaml"), readFileSync("test/fixtures/mini/rubric.yaml", "utf8"));
    writeFileSync(join(dir, "beta-again.yaml"), readFileSync(`${good}/b-beta.yaml`, "utf8").replace(/\.\.\/\.\.\/mini\/rubric\.yaml/, "./rubric.yaml"));
    const d = cli(["score", good, dir, "--format", "csv"]);
    expect(d.status).toBe(2);
    expect(d.stderr).toMatch(/beta-again\.yaml:2:\d+ {2}error {2}DUPLICATE_AGENCY/);
    expect(d.stdout.trim().split("\r\n")).toHaveLength(5);
  });

  it("keeps a formula in a name as text in CSV", () => {
    const r = cli(["score", good, "--format", "csv"]);
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe("rank,id,name,sector,index,class,stage,publication,execution,security");
    expect(lines).toContain("4,delta,'=cmd|' /C calc'!A0,finance,0,low,none,0,0,0");
    for (const line of lines) for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("streams ndjson: one line per agency in input order, errors, then the summary last", () => {
    const dir = generatedFolder(120);
    const r = cli(["score", dir, "test/fixtures/mini/bad.yaml", "--format", "ndjson"], { EGOV_MATURITY_WORKERS: "2" });
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { type: string; id?: string; file?: string });
    expect(lines.at(-1)!.type).toBe("summary");
    const agencies = lines.filter((l) => l.type === "agency");
    expect(agencies).toHaveLength(120);
    const expected = walkOrder(dir);
    expect(agencies.map((a) => a.file)).toEqual(expected);
    const errorAt = lines.findIndex((l) => l.type === "error");
    expect(errorAt).toBeGreaterThan(lines.findLastIndex((l) => l.type === "agency"));
  });

  it("gives, number for number, what report --format json gives for each file alone", () => {
    const dir = generatedFolder(90);
    // A file outside the fast reader's subset (a block scalar) goes through the full loader: the same numbers.
    writeFileSync(join(dir, "block.yaml"), readFileSync("examples/passport-directorate.yaml", "utf8").replace("agency:\n  id: moi-passports", "agency:\n  id: block-scalar").replace(/^assessor: .*$/m, "assessor: |\n  Two\n  lines"));
    const files = walkOrder(dir);
    const batch = cli(["score", dir, "--format", "json", "--sort", "file"], { EGOV_MATURITY_WORKERS: "2" });
    expect(batch.status).toBe(0);
    const results = JSON.parse(batch.stdout).results as AgencyJson[];
    expect(results.map((a) => a.file)).toEqual(files);
    for (const [i, file] of files.entries()) {
      if (i % 9 !== 0 && file !== join(dir, "block.yaml")) continue;
      const single = JSON.parse(cli(["report", file, "--format", "json"]).stdout);
      const a = results[i]!;
      expect(a.index).toBe(single.index);
      expect(a.classification?.id ?? null).toBe(single.classification?.id ?? null);
      expect(a.stage.current).toBe(single.stage.current);
      expect(a.stage.next).toBe(single.stage.next);
      // The report words each gate (`text`); the batch carries the same gates as numbers.
      expect(a.stage.blockedBy).toEqual(single.stage.blockedBy.map(({ text: _text, ...gate }: { text?: string }) => gate));
      expect(a.dimensions).toEqual(Object.fromEntries(single.dimensions.map((d: { id: string; score: number | null }) => [d.id, d.score])));
    }
  });

  it("on worker threads, files that need the full path (first, amid, last) score as the library scores them", async () => {
    // `score` starts without the full path (io/full-path.ts): this thread defers such files and loads
    // it; the workers load it before they start. The library has it from the start.
    const dir = generatedFolder(80);
    const files = walkOrder(dir);
    const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, "utf8")));
    edit(files[0]!, (t) => t.replace(/level: \d/, "level: 7"));
    edit(files[1]!, (t) => t.replace(/^assessor: .*$/m, "assessor: |\n  Two\n  lines"));
    edit(files[40]!, (t) => t.replace("rubric: egov-maturity@2", "rubric: ./missing.yaml"));
    edit(files.at(-1)!, (t) => t.replace(/^date: .*$/m, "date: 2026-02-30"));
    const batch = cli(["score", dir, "--format", "json"], { EGOV_MATURITY_WORKERS: "2" });
    expect(batch.status).toBe(2);
    const { score } = (await import(pathToFileURL(join(process.cwd(), "dist/index.js")).href)) as typeof import("../../src/index.js");
    const library = await score([dir], { workers: 1 });
    const { toolVersion: _a, ...fromCli } = JSON.parse(batch.stdout) as Record<string, unknown>;
    const { toolVersion: _b, ...fromLibrary } = JSON.parse(JSON.stringify(library)) as Record<string, unknown>;
    expect(fromCli).toEqual(fromLibrary);
    expect((fromCli.errors as { file: string }[]).map((e) => e.file)).toEqual([files[0], files[40], files.at(-1)]);
    expect(fromCli.results).toHaveLength(77);
  });

  it("filters, sorts and cuts the list; unknown values are usage errors", () => {
    const r = cli(["score", good, "--format", "json", "--filter", "sector=finance"]);
    expect(JSON.parse(r.stdout).results.map((a: AgencyJson) => [a.id, a.rank])).toEqual([["gamma", 1], ["delta", 2]]);
    const top = cli(["score", good, "--format", "json", "--top", "2", "--sort", "id"]);
    const out = JSON.parse(top.stdout);
    expect([out.agencies, out.results.map((a: AgencyJson) => a.id)]).toEqual([4, ["alpha", "beta"]]);
    const staged = cli(["score", good, "--format", "json", "--filter", "stage>=publication"]);
    expect(JSON.parse(staged.stdout).results.map((a: AgencyJson) => a.id)).toEqual(["alpha"]);
    expect(cli(["score", good, "--filter", "stage=executoin"]).status).toBe(2);
    expect(cli(["score", good, "--sort", "nope"]).status).toBe(2);
    expect(cli(["score", good, "--top", "0"]).status).toBe(2);
  });

  it("renders every format; html and markdown escape names", () => {
    for (const format of ["table", "markdown", "html"]) {
      const r = cli(["score", good, "--format", format, "--group-by", "sector", "--lang", "ar"]);
      expect(r.status, format).toBe(0);
      expect(r.stdout).toContain("غاما");
    }
    const html = cli(["score", good, "--format", "html"]).stdout;
    expect(html).toContain('=cmd|&#39; /C calc&#39;!A0');
    expect(html).not.toMatch(/<script/i);
  });
});
