import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const MINI_RUBRIC = join(ROOT, "test/fixtures/mini/rubric.yaml");
const BIN = join(ROOT, "bin/egov-maturity.js");

/** Runs the built CLI as a user would. */
export function cli(args: string[], cwd = ROOT): { stdout: string; stderr: string; status: number | null } {
  // The files name the mini rubric by absolute path, which a committed file may not (DESIGN.md §2):
  // the command line names it instead, as a CI job that keeps its rubric elsewhere would.
  const inTemp = cwd !== ROOT || args.some((a, i) => a.startsWith(tmpdir()) && args[i - 1] !== "--policy");
  const withRubric = args[0] === "check" && inTemp && !args.includes("--rubric") ? [...args, "--rubric", MINI_RUBRIC] : args;
  const r = spawnSync(process.execPath, [BIN, ...withRubric], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "egov-check-"));
}

/**
 * A complete assessment of the mini rubric; line numbers are part of the tests:
 * 2 `agency:` · 7 `answers:` · 8 pub.a (level 4, evidence dated 2026-01-01) · 12 pub.b (level 3, no
 * evidence) · 15 sec.policy (N/A) · 16 sec.audit. Index 0.7722, stage execution, security 0.6.
 */
export function agencyYaml(over: { id?: string; date?: string | null; pubB?: string; audit?: string; sector?: string } = {}): string {
  return [
    `rubric: ${JSON.stringify(MINI_RUBRIC)}`,
    "agency:",
    `  id: ${over.id ?? "c1"}`,
    "  name: {en: Check One, ar: الجهة الأولى}",
    `  groups: {sector: ${over.sector ?? "health"}}`,
    over.date === null ? "assessor: Team" : `date: ${over.date ?? "2026-11-01"}`,
    "answers:",
    "  pub.a:",
    "    level: 4",
    "    evidence:",
    '      - {url: "https://example.org/a", date: 2026-01-01}',
    `  pub.b: ${over.pubB ?? "3"}`,
    "  exe.share: {value: 80}",
    "  exe.days: 6",
    '  sec.policy: {na: "Handled by the ministry"}',
    `  sec.audit:${over.audit ?? " 60"}`,
    "",
  ].join("\n");
}

/** Writes files into a folder; returns it. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface JsonViolation {
  rule: string;
  severity: string;
  line: number;
  column: number;
  criterion: string | null;
  dimension: string | null;
  actual: unknown;
  expected: unknown;
  message: string;
}

/** `check --format json`, parsed: every violation as `rule@line:column`. */
export function checkJson(args: string[], cwd = ROOT): { status: number | null; json: { exitCode: number; files: { file: string; problems: { code: string; line: number; column: number }[]; agencies: { id: string; baseline: string; rules: string[]; violations: JsonViolation[] }[] }[] }; at: string[]; stderr: string } {
  const r = cli(["check", ...args, "--format", "json"], cwd);
  if (r.stdout === "") throw new Error(`no output (exit ${r.status}): ${r.stderr}`);
  const json = JSON.parse(r.stdout);
  const at: string[] = json.files.flatMap((f: { agencies: { violations: JsonViolation[] }[] }) => f.agencies.flatMap((a) => a.violations.map((v) => `${v.rule}@${v.line}:${v.column}${v.severity === "warning" ? " (warning)" : ""}`)));
  return { status: r.status, json, at, stderr: r.stderr };
}
