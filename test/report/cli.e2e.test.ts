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
