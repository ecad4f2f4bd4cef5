/**
 * Output safety (DESIGN.md §7): the same hostile texts — script tags, attribute breakers, a
 * `javascript:` evidence URL, a spreadsheet formula, terminal escape sequences, BEL, CR, an RTL
 * override, zero-width characters, `]]>`, `|` and newlines — in an agency's name, groups, assessor,
 * notes, evidence and N/A reason, through every format of every command (report, score, check,
 * compare), run by the built CLI. Each output is checked the way its consumer reads it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { scoreFormats } from "../../src/score/formats/index.js";
import { checkFormats } from "../../src/check/formats/index.js";
import { compareFormats } from "../../src/compare/formats/index.js";
import { reportFormats } from "../../src/report/formats/index.js";
import { parseXml } from "../check/xml.js";
import { BIN, ROOT } from "../helpers.js";

type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(1)>=cmd|' /C calc'!A0\u001b[31mRED\u001b]0;title\u0007\u0007\r\u202Eevil\u200B\u200F]]>|pipe|\nnewline\u0085\u009B31m`;
const FORMULA = "=cmd|' /C calc'!A0";

function assessment(id: string, date: string, level: number): string {
  const h = JSON.stringify(HOSTILE);
  return `rubric: ./rubric.yaml
agency:
  id: ${id}
  name: {en: ${h}, ar: ${h}}
  groups: {sector: ${h}}
assessor: ${h}
date: ${date}
answers:
  pub.a:
    level: ${level}
    notes: ${h}
    evidence:
      - {url: "javascript:alert(1)", note: ${h}, date: 2026-10-01}
      - ${JSON.stringify(FORMULA)}
  pub.b: {na: ${h}}
  exe.share: 40
  exe.days: 10
  sec.policy: false
  sec.audit: 60
`;
}

// Made at collection time: the cases below are the outputs of these files.
const dir = mkdtempSync(join(tmpdir(), "egov-safety-"));
cpSync(join(ROOT, "test/fixtures/mini/rubric.yaml"), join(dir, "rubric.yaml"));
writeFileSync(join(dir, "before.yaml"), assessment("a1", "2026-01-01", 1));
writeFileSync(join(dir, "after.yaml"), assessment("a1", "2026-11-01", 3));
writeFileSync(join(dir, "other.yaml"), assessment("b2", "2026-11-01", 2));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
  expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at |internal error/);
  expect([0, 1], `${args.join(" ")}: ${result.stderr}`).toContain(result.status);
  return result.stdout;
}

/** Every command and format: the output of each, with the hostile texts in it. */
function outputs(): { name: string; format: string; out: string }[] {
  const all: { name: string; format: string; out: string }[] = [];
  for (const format of Object.keys(reportFormats)) all.push({ name: `report ${format}`, format, out: run(["report", "after.yaml", "--format", format]) });
  for (const format of Object.keys(scoreFormats)) all.push({ name: `score ${format}`, format, out: run(["score", "after.yaml", "other.yaml", "--format", format]) });
  for (const format of Object.keys(checkFormats)) all.push({ name: `check ${format}`, format, out: run(["check", "after.yaml", "other.yaml", "--min-index", "0.9", "--require-evidence-from", "1", "--format", format]) });
  for (const format of Object.keys(compareFormats)) all.push({ name: `compare ${format}`, format, out: run(["compare", "before.yaml", "after.yaml", "--format", format]) });
  return all;
}

function elements(node: ParentNode): Element[] {
  const out: Element[] = [];
  for (const child of node.childNodes) {
    if ("tagName" in child) {
      out.push(child);
      out.push(...elements(child));
      if (child.tagName === "template") out.push(...elements((child as DefaultTreeAdapterMap["template"]).content));
    }
  }
  return out;
}

describe("hostile texts in every format of every command", () => {
  const cases = outputs();

  it("covers every format of every registry, and the hostile text reached each output", () => {
    expect(cases.length).toBe(Object.keys(reportFormats).length + Object.keys(scoreFormats).length + Object.keys(checkFormats).length + Object.keys(compareFormats).length);
    // The agency's name or a note shows in every human format (a proof the test is not vacuous).
    for (const c of cases.filter((x) => ["table", "markdown", "html"].includes(x.format))) expect(c.out, c.name).toMatch(/alert/);
  });

  it.each(cases.filter((c) => c.format === "html").map((c) => [c.name, c.out] as const))("%s: parses with no injected element, handler or script URL", (_name, out) => {
    const doc = parse(out);
    const all = elements(doc);
    expect(all.filter((e) => ["script", "img", "iframe", "object", "embed"].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    for (const e of all) {
      for (const attr of e.attrs) {
        expect(attr.name.startsWith("on"), `${e.tagName} ${attr.name}`).toBe(false);
        if (["href", "src", "xlink:href", "action"].includes(attr.name)) expect(attr.value).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/);
  });

  it.each(cases.filter((c) => c.format === "csv").map((c) => [c.name, c.out] as const))("%s: every cell that begins like a formula is neutralised", (_name, out) => {
    const { table, problems } = parseCsv(out, "out.csv");
    expect(problems).toEqual([]);
    const cells = table.records.flatMap((r) => r.cells.map((c) => c.value));
    expect(cells.some((c) => c.includes("cmd|"))).toBe(true);
    for (const cell of cells) {
      expect(cell, cell).not.toMatch(/^[=+@\t\r]/);
      if (cell.startsWith("-")) expect(Number.isFinite(Number(cell)), cell).toBe(true);
    }
  });

  it.each(cases.filter((c) => c.format === "junit").map((c) => [c.name, c.out] as const))("%s: well-formed XML", (_name, out) => {
    expect(() => parseXml(out)).not.toThrow();
  });

  it.each(cases.filter((c) => ["json", "sarif"].includes(c.format)).map((c) => [c.name, c.out] as const))("%s: valid JSON", (_name, out) => {
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it.each(cases.filter((c) => c.format === "ndjson").map((c) => [c.name, c.out] as const))("%s: one valid JSON value per line", (_name, out) => {
    const lines = out.split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it.each(cases.filter((c) => c.format === "table").map((c) => [c.name, c.out] as const))("%s: no escape sequence, control character or bidi override reaches the terminal", (_name, out) => {
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  it.each(cases.filter((c) => c.format === "github").map((c) => [c.name, c.out] as const))("%s: every line is one workflow command or the summary; no text starts a command of its own", (_name, out) => {
    const lines = out.split("\n").filter((l) => l !== "");
    const commands = lines.filter((l) => l.startsWith("::"));
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
    expect(out).not.toMatch(/[\r\u0000-\u0009\u000B-\u001F\u007F]/);
  });

  it.each(cases.filter((c) => c.format === "markdown").map((c) => [c.name, c.out] as const))("%s: tables keep their shape, no raw HTML from a file", (_name, out) => {
    // `\<script` is markdown's escaped, literal `<`; an unescaped one would be raw HTML.
    expect(out).toMatch(/\\<script/);
    expect(out).not.toMatch(/(^|[^\\])<\/?(script|img|iframe)/im);
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
    // Each table: every row has as many cells as its header (escaped `\|` is not a cell break).
    const rows = out.split("\n");
    let width = -1;
    for (const row of rows) {
      if (!row.startsWith("|")) {
        width = -1;
        continue;
      }
      const cells = row.replace(/\\\|/g, "").split("|").length;
      if (width < 0) width = cells;
      else expect(cells, row).toBe(width);
    }
  });
});
