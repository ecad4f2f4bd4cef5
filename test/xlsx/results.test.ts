import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { renderBatchXlsx } from "../../src/score/formats/xlsx.js";
import { runScore } from "../../src/score/run.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import { fixedContext, partOf, tempDir } from "./helpers.js";

// Workbooks are built and read through the CLI: slow on a loaded machine, bounded here.
vi.setConfig({ testTimeout: 120_000 });

const examples = readdirSync("examples")
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => `examples/${f}`);

describe("score --format xlsx: the planner's workbook", () => {
  for (const lang of ["en", "ar"]) {
    it(`ranks, maps, groups and sums up, scores as percent numbers with colour scales (${lang})`, async () => {
      const { batch } = await runScore(examples, { groupBy: "sector", lang });
      const bytes = await renderBatchXlsx(batch, fixedContext(lang));
      expect(Buffer.from(bytes).equals(Buffer.from(await renderBatchXlsx(batch, fixedContext(lang))))).toBe(true);
      const file = join(tempDir(), "ranking.xlsx");
      writeFileSync(file, bytes);
      const workbook = partOf(file, "xl/workbook.xml");
      const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(names).toEqual(lang === "ar" ? ["الترتيب", "الخريطة الحرارية", "المجموعات", "الفجوات المشتركة", "الملخص", "_egov"] : ["Ranking", "Heatmap", "Groups", "Common gaps", "Summary", "_egov"]);
      const ranking = partOf(file, "xl/worksheets/sheet1.xml");
      expect(/rightToLeft="1"/.test(ranking)).toBe(lang === "ar");
      expect(ranking).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      expect(ranking).toMatch(/<autoFilter ref="A1:[A-Z]+1"\/>/);
      expect(ranking).toMatch(/<conditionalFormatting sqref="[A-Z]+2:[A-Z]+\d+"><cfRule type="colorScale"/);
      // Scores are numbers, not text: the index of the first agency is a plain <v> number.
      const index = batch.results.at(0)!.index!;
      expect(ranking).toContain(`<v>${index}</v>`);
      const styles = partOf(file, "xl/styles.xml");
      expect(styles).toContain('formatCode="0.0%"');
      expect(partOf(file, "docProps/core.xml")).toContain("2026-11-21T00:00:00Z");
    });
  }

  it("is refused as an assessment: the wrong kind of workbook", async () => {
    const { batch } = await runScore(examples, {});
    const file = join(tempDir(), "ranking.xlsx");
    writeFileSync(file, await renderBatchXlsx(batch, fixedContext("en")));
    expect(loadAssessmentsAny(file).problems.map((p) => p.code)).toEqual(["XLSX_WRONG_KIND"]);
  });
});
