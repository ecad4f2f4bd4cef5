import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReportDocx } from "../../src/report/formats/docx.js";
import { fixedContext, reportOf } from "./helpers.js";
import { docxParts, headings, paragraphsXml, textOf } from "./docx-read.js";

describe("report --format docx", () => {
  it("is deterministic for a fixed clock, with the clock's date in its properties", async () => {
    const { report } = reportOf("examples/passport-directorate.yaml", "en");
    const a = await renderReportDocx(report, fixedContext("en"));
    const b = await renderReportDocx(report, fixedContext("en"));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const parts = docxParts(a);
    expect(parts.get("docProps/core.xml")).toContain(">2026-11-21T00:00:00Z</dcterms:created>");
    // No macros: no VBA project, and the main part is a plain document, not a macro-enabled one.
    expect([...parts.keys()].some((n) => /vba|\.bin$/i.test(n))).toBe(false);
    expect(parts.get("[Content_Types].xml")).toContain("wordprocessingml.document.main+xml");
    expect(parts.get("[Content_Types].xml")).not.toContain("macroEnabled");
  });

  it("has every section as a Word heading style, in the order of the printed report", async () => {
    const { report } = reportOf("examples/passport-directorate.yaml", "en");
    const doc = docxParts(await renderReportDocx(report, fixedContext("en"))).get("word/document.xml") ?? "";
    const h = headings(doc);
    expect(h.filter((x) => x.style === "Title").map((x) => x.text)).toEqual(["Passport Directorate"]);
    expect(h.filter((x) => x.style === "Heading1").map((x) => x.text)).toEqual([
      "Executive summary",
      "Stage ladder",
      "Largest gaps",
      "Next steps",
      "Scope and method",
      "Dimensions",
      "Roadmap",
      "Criteria below their dimension's target",
      "Appendix: every answer",
    ]);
    expect(h.filter((x) => x.style === "Heading2").map((x) => x.text)).toContain("Information security");
    // Tables for the dimensions and gaps; the bars are shaded cells.
    expect((doc.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(10);
    expect(doc).toContain('w:fill="1F6FB2"');
    expect(textOf(doc)).toContain("Integration with other agencies is the bottleneck");
  });

  it("is right to left in Arabic: bidi paragraphs, rtl runs, right-to-left tables; a Latin note stays a left-to-right paragraph", async () => {
    const { report } = reportOf("examples/passport-directorate.yaml", "ar");
    const doc = docxParts(await renderReportDocx(report, fixedContext("ar"))).get("word/document.xml") ?? "";
    const h = headings(doc);
    expect(h.filter((x) => x.style === "Heading1").map((x) => x.text)).toContain("الملخص التنفيذي");
    const paras = paragraphsXml(doc);
    const heading = paras.find((p) => p.includes('w:val="Heading1"'));
    expect(heading).toContain("<w:bidi/>");
    expect(doc).toContain("<w:rtl/>");
    expect(doc).toContain("<w:bidiVisual/>");
    const arabic = paras.filter((p) => /[\u0600-\u06FF]/.test(textOf(p)));
    expect(arabic.every((p) => p.includes("<w:bidi/>"))).toBe(true);
    // The passport notes are English: their paragraphs are left to right, so the full stop ends them.
    const note = paras.find((p) => textOf(p).startsWith("Analytics reviewed monthly"));
    expect(note).toBeDefined();
    expect(note).not.toContain("<w:bidi/>");
  });

  it("marks a draft on its first line and says 'not assessed' for a dimension with no answer", async () => {
    const { report } = reportOf("test/fixtures/report/draft.yaml", "en");
    const doc = docxParts(await renderReportDocx(report, fixedContext("en"))).get("word/document.xml") ?? "";
    const first = paragraphsXml(doc)[0] ?? "";
    expect(textOf(first)).toMatch(/^Draft — 19 of 58 criteria unanswered/);
    expect(textOf(doc)).toContain("not assessed");
  });
});

// LibreOffice (Debian: libreoffice-writer) opens the document and converts it to PDF without error.
const soffice = ["soffice", "libreoffice"].find((bin) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0);
describe.skipIf(soffice === undefined)("docx in LibreOffice headless", () => {
  it("converts the English and Arabic reports to PDF", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-docx-"));
    try {
      for (const lang of ["en", "ar"]) {
        const { report } = reportOf("examples/passport-directorate.yaml", lang);
        writeFileSync(join(dir, `passport-${lang}.docx`), await renderReportDocx(report, fixedContext(lang)));
      }
      execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, join(dir, "passport-en.docx"), join(dir, "passport-ar.docx")], { stdio: "pipe", timeout: 170_000 });
      expect(readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort()).toEqual(["passport-ar.pdf", "passport-en.pdf"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
if (soffice === undefined) console.info("docx in LibreOffice headless: skipped (soffice not installed; on Debian: apt-get install libreoffice-writer)");
