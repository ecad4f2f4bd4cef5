import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseHtml } from "parse5";
import { describe, expect, it } from "vitest";
import type { Rubric } from "../../src/core/rubric.js";
import { initFormats } from "../../src/init/formats/index.js";
import { renderQuestionnaireHtml } from "../../src/init/formats/html.js";
import { renderQuestionnaireMarkdown } from "../../src/init/formats/markdown.js";
import { questionnaire, type InitData } from "../../src/init/run.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { fixedContext } from "../report/helpers.js";

const rubric = loadRubric("egov-maturity").rubric!;
const mini = loadRubric(resolve("test/fixtures/mini/rubric.yaml")).rubric!;
const data = (r: Rubric, lang: string, extra: Partial<InitData> = {}): InitData => ({ rubric: r, lang, agencyId: "north", agencyName: "North Municipality", date: "2026-12-01", rubricRef: "egov-maturity@1", ...extra });
const BIN = resolve("bin/egov-maturity.js");

describe("init formats", () => {
  it("the registry holds the template and the questionnaires, text or binary", () => {
    expect(Object.keys(initFormats)).toEqual(expect.arrayContaining(["yaml", "html", "markdown"]));
    expect(initFormats.html!.kind).toBe("text");
  });

  it("questionnaire data: every criterion numbered by dimension, its descriptors, and the evidence list", () => {
    const q = questionnaire(data(rubric, "en"));
    expect(q.sections.map((s) => s.items.length).reduce((a, b) => a + b, 0)).toBe(58);
    expect(q.sections[0]!.items[0]!.number).toBe("1.1");
    const level = q.sections[0]!.items[0]!;
    expect(level.options.map((o) => o.value)).toEqual(["0", "1", "2", "3", "4"]);
    expect(level.options.every((o) => o.descriptor !== undefined && o.descriptor.length > 10)).toBe(true);
    expect(q.evidence.length).toBe(q.sections.flatMap((s) => s.items).filter((i) => i.evidence !== undefined).length);
    expect(q.evidence.length).toBeGreaterThan(40);
  });

  it("html: a cover, a section per dimension, boxes to tick for every descriptor and N/A, the evidence list; no script, CSP, A4", () => {
    const html = renderQuestionnaireHtml(data(rubric, "en"), fixedContext("en"));
    parseHtml(html);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain("@page{size:A4");
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect((html.match(/<section class="dimension"/g) ?? []).length).toBe(8);
    expect((html.match(/<article class="q"/g) ?? []).length).toBe(58);
    const levels = [...rubric.criteria.values()].filter((c) => c.type === "level").length;
    const booleans = [...rubric.criteria.values()].filter((c) => c.type === "boolean").length;
    // A box per level descriptor, per yes and no, per N/A, and per item of the evidence list.
    const evidence = questionnaire(data(rubric, "en")).evidence.length;
    expect((html.match(/<span class="box"><\/span>/g) ?? []).length).toBe(levels * 5 + booleans * 2 + 58 + evidence);
    expect(html).toContain("North Municipality");
    expect(html).toContain("2026-12-01");
    expect(html).toContain("How to fill it in");
    expect(html).toContain("Evidence to request");
  });

  it("html in Arabic: right to left, Arabic texts of the rubric and the tool", () => {
    const html = renderQuestionnaireHtml(data(rubric, "ar", { agencyName: "بلدية الشمال" }), fixedContext("ar"));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("مرحلة الإعلان");
    expect(html).toContain("طريقة التعبئة");
    expect(html).toContain("قائمة الشواهد المطلوبة");
    expect(html).toContain("لا ينطبق. السبب:");
  });

  it("escapes every text from the rubric and the command line", () => {
    const hostile: Rubric = { ...mini, title: { en: `<script>alert(1)</script>` }, dimensions: mini.dimensions.map((d) => ({ ...d, title: `<img src=x onerror=alert(1)>` })) };
    const html = renderQuestionnaireHtml(data(hostile, "en", { agencyName: `"><script>x</script>` }), fixedContext("en"));
    expect(html).not.toMatch(/<script|<img/i);
    const md = renderQuestionnaireMarkdown(data(hostile, "en", { agencyName: "<b>x</b>" }), fixedContext("en"));
    expect(md).not.toContain("<b>");
  });

  it("markdown: task-list boxes for every descriptor and N/A, numbers with their unit and scoring", () => {
    const md = renderQuestionnaireMarkdown(data(mini, "en"), fixedContext("en"));
    expect(md).toContain("### 1.1 A `pub.a` · weight 2");
    expect(md).toContain("- [ ] **3 Established** — L3");
    expect(md).toContain("- [ ] **Yes**");
    expect(md).toContain("Value (%): ______________");
    expect(md).toContain("≥ 80 → 100% · ≥ 50 → 60% · ≥ 0 → 0%");
    expect((md.match(/^- \[ \] Not applicable/gm) ?? []).length).toBe(6);
    const ar = renderQuestionnaireMarkdown(data(mini, "ar"), fixedContext("ar"));
    expect(ar.startsWith('<div dir="rtl">\n\n# ')).toBe(true);
    expect(ar).toContain("- [ ] **نعم**");
  });
});

describe("init --format html|markdown (built CLI)", () => {
  const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("writes the questionnaire, says what to do with it, and refuses to overwrite", () => {
    const dir = mkdtempSync(join(tmpdir(), "init-q-"));
    const r = cli(["init", "--format", "html", "--lang", "ar", "--name", "بلدية الشمال", "--date", "2026-12-01", "--output", "q.html"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("wrote q.html: print it or send it to the agency before the workshop");
    const html = readFileSync(join(dir, "q.html"), "utf8");
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("بلدية الشمال");
    expect(cli(["init", "--format", "html", "--output", "q.html"], dir).status).toBe(2);
    const md = cli(["init", "--format", "markdown", "--date", "2026-12-01"], dir);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# E-Government Maturity: questionnaire/);
    expect(cli(["init", "--format", "pdf"], dir).status).toBe(2);
  });

  it("rubric show --help points to the questionnaire", () => {
    expect(cli(["rubric", "show", "--help"], ".").stdout).toContain("init --format html");
  });
});
