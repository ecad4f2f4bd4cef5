import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers.js";

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin/egov-maturity.js"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("report --format markdown and html (built CLI)", () => {
  it("lists markdown and html among the formats", () => {
    const help = run("report", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/choices: .*"markdown".*"html"/s);
  });

  it("writes an Arabic HTML page for an Arabic assessment", () => {
    const r = run("report", "examples/municipality-north.yaml", "--format", "html");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
  });

  it("writes markdown in the language asked for", () => {
    const r = run("report", "examples/municipality-north.yaml", "--format", "markdown", "--lang", "en");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("## North Municipality — Gap report\n")).toBe(true);
  });

  it("neutralises a hostile assessment in every format", () => {
    const html = run("report", "test/fixtures/hostile/agency.yaml", "--format", "html");
    expect(html.status).toBe(0);
    expect(html.stdout).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html.stdout).toContain("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;");
    const md = run("report", "test/fixtures/hostile/agency.yaml", "--format", "markdown");
    expect(md.status).toBe(0);
    expect(md.stdout).not.toMatch(/(?<!\\)<script/);
    expect(md.stdout).not.toContain("](javascript");
    const table = run("report", "test/fixtures/hostile/agency.yaml", "--format", "table");
    expect(table.status).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    const ar = run("report", "test/fixtures/hostile/agency.yaml", "--format", "html", "--lang", "ar");
    expect(ar.stdout).not.toMatch(/<img/);
    expect(ar.stdout).toContain("&lt;img src=x onerror=alert(1)&gt; جهة");
  });
});

describe("report --format docx, --top and --all-criteria (built CLI)", () => {
  it("writes a Word document to a file or to a pipe (never text)", () => {
    const r = spawnSync(process.execPath, [join(root, "bin/egov-maturity.js"), "report", "examples/passport-directorate.yaml", "--format", "docx"], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("--top N limits the gap list; --all-criteria lists every criterion below full score; --top 0 is a usage error", () => {
    const top = run("report", "examples/passport-directorate.yaml", "--format", "markdown", "--top", "3");
    expect(top.status).toBe(0);
    expect(top.stdout).toContain("### The largest gaps \\(top 3\\)");
    const all = run("report", "examples/passport-directorate.yaml", "--format", "markdown", "--all-criteria");
    expect(all.stdout).toContain("### Every criterion below its full score");
    const bad = run("report", "examples/passport-directorate.yaml", "--top", "0");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--top needs a whole number");
  });

  it("a draft says so in JSON: complete false, and true for a complete assessment", () => {
    expect(JSON.parse(run("report", "test/fixtures/report/draft.yaml", "--format", "json").stdout).complete).toBe(false);
    const full = JSON.parse(run("report", "examples/passport-directorate.yaml", "--format", "json").stdout);
    expect(full.complete).toBe(true);
    expect(full.narrative.findings.delivery).toMatch(/^Integration with other agencies/);
  });
});
