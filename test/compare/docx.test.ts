import { describe, expect, it } from "vitest";
import { compare } from "../../src/core/compare.js";
import { renderCompareDocx } from "../../src/compare/formats/docx.js";
import { assessmentOf } from "../helpers.js";
import { fixedContext } from "../report/helpers.js";
import { docxParts, headings, paragraphsXml, textOf } from "../report/docx-read.js";

const history = compare(["2024", "2025", "2026"].map((y) => assessmentOf(`examples/history/civil-status-${y}.yaml`)));

describe("compare --format docx", () => {
  it("has every section as a Word heading; an empty regressed list is one line, not a table", async () => {
    const bytes = await renderCompareDocx(history, fixedContext("en"));
    expect(Buffer.from(bytes).equals(Buffer.from(await renderCompareDocx(history, fixedContext("en"))))).toBe(true);
    const doc = docxParts(bytes).get("word/document.xml") ?? "";
    const h1 = headings(doc).filter((x) => x.style === "Heading1").map((x) => x.text);
    expect(h1).toEqual(["Change per dimension", "Index over time", `Improved criteria (${history.improved.length})`, "Evidence", "Roadmap of 2024-04-14"]);
    expect(paragraphsXml(doc).map(textOf)).toContain("Regressed criteria: No criterion regressed.");
    expect(doc).toContain('w:fill="1F6FB2"');
  });

  it("is right to left in Arabic", async () => {
    const doc = docxParts(await renderCompareDocx(history, fixedContext("ar"))).get("word/document.xml") ?? "";
    expect(headings(doc).find((x) => x.style === "Heading1")?.text).toBe("التغيّر في كل بُعد");
    expect(doc).toContain("<w:bidiVisual/>");
    expect(paragraphsXml(doc).filter((p) => /[\u0600-\u06FF]/.test(textOf(p))).every((p) => p.includes("<w:bidi/>"))).toBe(true);
  });
});
