import { describe, expect, it } from "vitest";
import { reportFormats } from "../../src/report/formats/index.js";
import { displayWidth } from "../../src/render/wrap.js";
import { fixedContext, reportOf } from "./helpers.js";

const agencies = [
  { name: "passport-directorate", file: "examples/passport-directorate.yaml" },
  { name: "municipality-north", file: "examples/municipality-north.yaml" },
  { name: "mini", file: "test/fixtures/mini/agency.yaml" },
];
const formats = [
  { format: "table", ext: "txt" },
  { format: "json", ext: "json" },
  { format: "markdown", ext: "md" },
  { format: "html", ext: "html" },
];

describe("report golden files: every format × agency × language", () => {
  for (const a of agencies) {
    for (const lang of ["en", "ar"]) {
      for (const f of formats) {
        it(`${f.format} ${a.name} ${lang}`, async () => {
          const { report } = reportOf(a.file, lang);
          const render = reportFormats[f.format];
          expect(render).toBeDefined();
          const out = render!(report, fixedContext(lang));
          await expect(out).toMatchFileSnapshot(`../golden/report/${a.name}.${lang}.${f.ext}`);
        });
      }
    }
  }
});

describe("table format", () => {
  for (const a of agencies) {
    for (const lang of ["en", "ar"]) {
      it(`fits 80 columns: ${a.name} ${lang}`, () => {
        const out = reportFormats.table!(reportOf(a.file, lang).report, fixedContext(lang, 80));
        const widths = out.split("\n").map(displayWidth);
        expect(Math.max(...widths)).toBeLessThanOrEqual(80);
      });
    }
  }

  it("has no colour codes without colour, and colour with it", () => {
    const { report } = reportOf("examples/municipality-north.yaml", "en");
    expect(reportFormats.table!(report, fixedContext("en"))).not.toContain("\u001B[");
    expect(reportFormats.table!(report, { ...fixedContext("en"), color: true })).toContain("\u001B[");
  });
});

describe("html format", () => {
  it("is a right-to-left page in Arabic and left-to-right in English", () => {
    const { report } = reportOf("examples/municipality-north.yaml");
    const ar = reportFormats.html!(report, fixedContext("ar"));
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toMatch(/font-family:[^;]*"Noto Naskh Arabic"/);
    expect(reportFormats.html!(report, fixedContext("en"))).toContain('<html lang="en" dir="ltr">');
  });

  it("loads nothing from the network and runs no script", () => {
    const { report } = reportOf("examples/passport-directorate.yaml");
    const html = reportFormats.html!(report, fixedContext("en"));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // Every src/href attribute is a link the user may follow, never a resource the page loads.
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).toContain("<svg class=\"radar chart\"");
    expect(html).toContain('class="ladder stage-ladder"');
    expect(html).toContain("@media print{\n@page{size:A4");
  });

  it("names what blocks the next stage in the headline", () => {
    const { report } = reportOf("test/fixtures/mini/agency.yaml");
    const html = reportFormats.html!(report, fixedContext("en"));
    expect(html).toContain('Execution — blocked by Security: <bdi dir="ltr">30.0% &lt; 50.0%</bdi>');
  });
});

describe("markdown format", () => {
  it("has the headline, dimension table, gaps and roadmap", () => {
    const { report } = reportOf("test/fixtures/mini/agency.yaml");
    const md = reportFormats.markdown!(report, fixedContext("en"));
    expect(md).toContain("| 58.9% | High | Publication | Execution — blocked by Security: 30.0% \\< 50.0% |");
    expect(md).toContain("| Security | prerequisite |   | 30.0% | 75.0% | 45.0% |");
    expect(md).toContain("### Largest gaps\n\n1. **Policy** — Security · Score 0.0% · \\+Index \\+16.7");
    expect(md).toContain("| 1 | Policy — gate for Execution | no → yes | 75.6% | Execution |");
  });

  it("is wrapped for right-to-left display in Arabic", () => {
    const { report } = reportOf("examples/municipality-north.yaml");
    const md = reportFormats.markdown!(report, fixedContext("ar"));
    expect(md.startsWith('<div dir="rtl">\n\n')).toBe(true);
    expect(md.endsWith("\n\n</div>\n")).toBe(true);
  });
});
