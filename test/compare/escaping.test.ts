import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, type CompareEntry } from "../../src/core/compare.js";
import { compareFormats } from "../../src/compare/formats/index.js";
import { assessmentOf } from "../helpers.js";

const ctx = { lang: "en", color: false, toolVersion: "0.0.0-test", now: new Date("2026-11-21T00:00:00Z"), width: 80 };
const base = (name: string): CompareEntry => assessmentOf(`test/fixtures/compare/${name}.yaml`);

/** The 2024 → 2026 pair with a hostile agency name and hostile evidence in the later year. */
function hostile(text: string): CompareEntry[] {
  const before = base("a1-2024");
  const after = base("a1-2026");
  const answers = new Map(after.assessment.answers);
  const pub = answers.get("pub.b")!;
  answers.set("pub.b", { ...pub, evidence: [{ url: `javascript:alert(1)//${text}`, note: text, date: "2026-01-01" }] });
  return [before, { ...after, assessment: { ...after.assessment, agency: { ...after.assessment.agency, name: { en: text } }, answers } }];
}

describe("compare renderers: hostile text from files", () => {
  it("html: no script runs, no javascript: link", () => {
    const html = compareFormats.html!(compare(hostile(`<script>alert("x")</script><img src=x onerror=alert(1)>`)), ctx);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
  it("markdown: no raw HTML, no table break", () => {
    const md = compareFormats.markdown!(compare(hostile("a|b <b>x</b>\n# heading")), ctx);
    expect(md).not.toContain("<b>");
    expect(md).not.toMatch(/^# heading/m);
  });
  it("table: escape sequences stripped", () => {
    const out = compareFormats.table!(compare(hostile("\u001b[31mred\u001b]0;title\u0007")), ctx);
    expect(out).not.toContain("\u001b");
    expect(out).not.toContain("\u0007");
  });
  it("property: any text keeps every format well-formed (json parses, html has one body)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const cmp = compare(hostile(text));
        const json = JSON.parse(compareFormats.json!(cmp, ctx));
        expect(json.agency.name).toBe(text);
        const html = compareFormats.html!(cmp, ctx);
        expect(html.match(/<body>/g)).toHaveLength(1);
        expect(html).not.toMatch(/<script/i);
        expect(compareFormats.table!(cmp, ctx)).not.toContain("\u001b");
      }),
      { numRuns: 50 },
    );
  });
});
