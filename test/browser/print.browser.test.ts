import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../../src/report/formats/html.js";
import { renderCompareHtml } from "../../src/compare/formats/html.js";
import { runCompare } from "../../src/compare/run.js";
import { fixedContext, reportOf, root } from "../report/helpers.js";

/** The printed report and comparison: Chromium prints them to PDF on A4 and US Letter. */
const out = join(root, "test-output", "browser");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MM = 96 / 25.4;
/** Paper sizes and the page content box of our @page margins (12 mm), in CSS pixels. */
const PAPER = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
const content = (paper: keyof typeof PAPER) => ({ width: Math.floor((PAPER[paper].width - 24) * MM), height: Math.floor((PAPER[paper].height - 24) * MM) });

let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "egov-chromium-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Pages of a PDF Chromium wrote: its /Type /Page objects (not /Pages). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function open(html: string, name: string): Promise<Page> {
  const file = join(out, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
  return page;
}

/** Prints to PDF on `paper` (saved next to the HTML) and returns its page count. */
async function printedPages(page: Page, name: string, paper: keyof typeof PAPER): Promise<number> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: paper, printBackground: true });
  writeFileSync(join(out, `${name}.${paper}.pdf`), pdf);
  return pdfPages(pdf);
}

/** In print layout at the page's content width: the bottom of an element, and the page's content height. */
async function printBottom(page: Page, selector: string, paper: keyof typeof PAPER): Promise<{ top: number; bottom: number; pageHeight: number }> {
  const box = content(paper);
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: box.width, height: box.height });
  const rect = await page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
  return { ...rect, pageHeight: box.height };
}

function reportHtml(file: string, lang: string): string {
  const { report, lang: chosen } = reportOf(file, lang);
  return renderReportHtml(report, fixedContext(chosen));
}

describe("printed report", () => {
  for (const lang of ["en", "ar"]) {
    it(`passport report (${lang}): at most 5 pages on A4 and on Letter`, async () => {
      const page = await open(reportHtml("examples/passport-directorate.yaml", lang), `print-passport-${lang}`);
      expect(await printedPages(page, `print-passport-${lang}`, "A4")).toBeLessThanOrEqual(5);
      expect(await printedPages(page, `print-passport-${lang}`, "Letter")).toBeLessThanOrEqual(5);
      await page.close();
    });

    it(`passport report (${lang}): page 1 holds the executive summary and the next steps, and is at least three quarters full`, async () => {
      const page = await open(reportHtml("examples/passport-directorate.yaml", lang), `print-passport-${lang}-p1`);
      for (const paper of ["A4", "Letter"] as const) {
        const summary = await printBottom(page, "#summary", paper);
        const steps = await printBottom(page, "#next-steps", paper);
        const gaps = await printBottom(page, "#top-gaps", paper);
        expect(summary.bottom).toBeLessThan(summary.pageHeight);
        expect(steps.bottom).toBeLessThan(steps.pageHeight);
        expect(gaps.bottom).toBeLessThan(gaps.pageHeight);
        const one = await printBottom(page, ".page-one", paper);
        expect(one.bottom).toBeGreaterThan(0.75 * one.pageHeight);
      }
      await page.screenshot({ path: join(out, `print-passport-${lang}-page1.png`), clip: { x: 0, y: 0, ...content("A4") } });
      await page.close();
    });
  }

  it("a draft shows its banner at the top of page 1", async () => {
    const page = await open(reportHtml("test/fixtures/report/draft.yaml", "en"), "print-draft-en");
    const banner = await printBottom(page, ".draft-banner", "A4");
    expect(banner.top).toBeLessThan(5);
    expect(banner.bottom).toBeLessThan(banner.pageHeight / 4);
    expect(await page.textContent(".draft-banner")).toContain("Draft — 19 of 58 criteria unanswered");
    expect(await page.textContent('[data-dimension="security"]')).toContain("not assessed");
    await page.close();
  });
});

describe("printed comparison", () => {
  for (const lang of ["en", "ar"]) {
    it(`compare examples/history (${lang}): at most 4 pages on A4 and Letter, labelled trend lines`, async () => {
      const files = ["2024", "2025", "2026"].map((y) => join(root, `examples/history/civil-status-${y}.yaml`));
      const run = await runCompare(files, { lang });
      const page = await open(renderCompareHtml(run.comparison, fixedContext(run.lang)), `print-compare-${lang}`);
      // One label per line drawn: the index and every dimension with a score at some date.
      expect(await page.locator("svg.trend .trend-label").count()).toBe(run.comparison.dimensions.filter((d) => d.series.some((v) => v !== null)).length + 1);
      // Labels never overlap one another.
      const boxes = await page.$$eval("svg.trend .trend-label", (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
      const sorted = [...boxes].sort((a, b) => a.top - b.top);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom - 1);
      // An empty regressed list is one line, not a box.
      expect(await page.locator("p.none-line#regressed").count()).toBe(run.comparison.regressed.length === 0 ? 1 : 0);
      expect(await printedPages(page, `print-compare-${lang}`, "A4")).toBeLessThanOrEqual(4);
      expect(await printedPages(page, `print-compare-${lang}`, "Letter")).toBeLessThanOrEqual(4);
      await page.close();
    });
  }
});
