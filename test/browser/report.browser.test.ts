import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../../src/report/formats/html.js";
import { fixedContext, reportOf, root } from "../report/helpers.js";

const out = join(root, "test-output", "browser");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "egov-chromium-"));
  // A fresh profile (user data dir) per run; playwright passes it as --user-data-dir.
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

/** Writes the HTML report of an example (rendered as `report --format html` does) and returns its path. */
function htmlReport(example: string, lang: string | undefined, name: string): string {
  const file = join(out, `${name}.html`);
  const { report, lang: chosen } = reportOf(`examples/${example}.yaml`, lang);
  writeFileSync(file, renderReportHtml(report, fixedContext(chosen)));
  return file;
}

const cases = [
  { example: "passport-directorate", name: "passport-directorate-en", lang: "en", dir: "ltr", dimensions: ["Publication", "Interaction (exchange)", "Execution (implementation)", "Delivery", "Strategy and plans", "Infrastructure", "Information security", "Training, awareness and education", "Outcomes"] },
  { example: "municipality-north", name: "municipality-north-ar", lang: "ar", dir: "rtl", dimensions: ["مرحلة الإعلان", "مرحلة التبادل", "مرحلة التنفيذ", "مرحلة التوصيل", "أمن المعلومات", "البنية التحتية"] },
  { example: "passport-directorate", name: "passport-directorate-ar", lang: "ar", dir: "rtl", dimensions: ["مرحلة الإعلان", "مرحلة التوصيل"] },
];

describe("HTML report in headless Chromium", () => {
  for (const c of cases) {
    it(`${c.name}: radar, ladder, labels, direction, no network`, async () => {
      const file = htmlReport(c.example, c.name === "passport-directorate-ar" ? "ar" : undefined, c.name);
      const url = pathToFileURL(file).href;
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(url, { waitUntil: "load" });

      expect(await page.getAttribute("html", "dir")).toBe(c.dir);
      expect(await page.getAttribute("html", "lang")).toBe(c.lang);
      expect(await page.locator("script").count()).toBe(0);

      const radar = page.locator("svg.radar");
      await expect.poll(() => radar.count()).toBe(1);
      const box = await radar.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(250);
      const labels = await page.$$eval("svg.radar .radar-label", (texts) => texts.map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ")));
      // Rubric 2.0: the four stages, the four prerequisites and the outcomes pillar.
      expect(labels).toHaveLength(9);
      for (const d of c.dimensions) expect(labels).toContain(d);

      const ladder = page.locator(".stage-ladder");
      expect(await ladder.count()).toBe(1);
      expect(await ladder.locator("li.rung").count()).toBe(4);
      expect(await ladder.locator("li.rung.current").count()).toBe(1);

      // Every radar label lies inside the chart's box (nothing clipped off the SVG).
      const clipped = await page.$$eval("svg.radar", (svgs) => {
        const svg = svgs[0] as SVGSVGElement;
        const frame = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1;
        }).map((t) => t.textContent);
      });
      expect(clipped).toEqual([]);

      // No request left the page: only the file itself was loaded.
      expect(requests.filter((r) => r !== url)).toEqual([]);
      expect(errors).toEqual([]);

      const name = c.name;
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: join(out, `${name}-print.png`), fullPage: true });
      await page.pdf({ path: join(out, `${name}.pdf`), format: "A4", printBackground: true });
      await page.close();
    });
  }
});
