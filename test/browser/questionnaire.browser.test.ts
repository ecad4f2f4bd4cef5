import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderQuestionnaireHtml } from "../../src/init/formats/html.js";
import { loadRubric } from "../../src/io/rubric-load.js";
import { fixedContext, root } from "../report/helpers.js";

/** The questionnaire of `init --format html` in headless Chromium: direction, no network, and A4 print. */
const out = join(root, "test-output", "browser");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const rubric = loadRubric("egov-maturity").rubric!;
const CRITERIA = rubric.criteria.size;

let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "egov-chromium-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

function questionnaireFile(lang: string, name: string, agencyName: string): string {
  const file = join(out, `${name}.html`);
  writeFileSync(file, renderQuestionnaireHtml({ rubric, lang, agencyId: "north", agencyName, date: "2026-12-01", rubricRef: "egov-maturity@1" }, fixedContext(lang)));
  return file;
}

async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, requests: requests.filter((r) => r !== pathToFileURL(file).href), errors };
}

describe("questionnaire (init --format html) in headless Chromium", () => {
  it("Arabic: the page and every question read right to left, boxes on the right of their descriptors; no script, no request", async () => {
    const { page, requests, errors } = await open(questionnaireFile("ar", "questionnaire-ar", "بلدية الشمال"));
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("article.q").count()).toBe(CRITERIA);
    const directions = await page.$$eval("article.q, .cover, .evidence-list", (els) => [...new Set(els.map((e) => getComputedStyle(e).direction))]);
    expect(directions).toEqual(["rtl"]);
    // In every option row the box comes first in reading order: on the right.
    const misplaced = await page.$$eval(".boxes li", (items) =>
      items.filter((li) => {
        const box = li.querySelector(".box")!.getBoundingClientRect();
        const text = li.querySelector(".grow")!.getBoundingClientRect();
        return !(box.left >= text.right - 1);
      }).length,
    );
    expect(misplaced).toBe(0);
    expect(await page.locator("h1").textContent()).toContain("استبيان التقييم");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.pdf({ path: join(out, "questionnaire-ar.pdf"), format: "A4", printBackground: true });
    await page.close();
  });

  it("English: prints on A4, a page per dimension and more, no question cut across pages, nothing overflowing its page or box", async () => {
    const { page, requests } = await open(questionnaireFile("en", "questionnaire-en", "Health Directorate"));
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    expect(requests).toEqual([]);
    await page.emulateMedia({ media: "print" });
    // The printable width of A4 with the page margins (210 mm − 2 × 12 mm) at 96 px per inch.
    const printable = { width: Math.floor((186 / 25.4) * 96), height: Math.floor(((297 - 28) / 25.4) * 96) };
    await page.setViewportSize({ width: printable.width, height: printable.height });
    const overflow = await page.evaluate((width) => {
      const problems: string[] = [];
      if (document.documentElement.scrollWidth > width + 1) problems.push(`page ${document.documentElement.scrollWidth}px wide`);
      for (const q of document.querySelectorAll<HTMLElement>("article.q, .cover, .evidence-list tr")) {
        if (q.scrollWidth > q.clientWidth + 1) problems.push(`${q.id || q.className} overflows its width`);
        const frame = q.getBoundingClientRect();
        for (const inner of q.querySelectorAll<HTMLElement>(".box, .line, code, p, li")) {
          const r = inner.getBoundingClientRect();
          if (r.left < frame.left - 1 || r.right > frame.right + 1) problems.push(`${q.id}: ${inner.className || inner.tagName} outside its box`);
        }
      }
      return problems;
    }, printable.width);
    expect(overflow).toEqual([]);
    // Every question fits on a page, so `break-inside: avoid` keeps it whole.
    const tallest = await page.$$eval("article.q", (qs) => Math.max(...qs.map((q) => q.getBoundingClientRect().height)));
    expect(tallest).toBeLessThan(printable.height);
    const pdf = join(out, "questionnaire-en.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
    const pages = (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    // The cover, at least a page for each of the 8 dimensions, and the evidence list.
    expect(pages).toBeGreaterThanOrEqual(1 + rubric.dimensions.length + 1);
    expect(pages).toBeLessThan(60);
    console.log(`questionnaire-en.pdf: ${pages} A4 pages for ${CRITERIA} questions`);
    await page.close();
  });
});
