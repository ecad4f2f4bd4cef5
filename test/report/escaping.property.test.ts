import fc from "fast-check";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/score.js";
import { renderReportHtml } from "../../src/report/formats/html.js";
import { renderReportMarkdown } from "../../src/report/formats/markdown.js";
import { renderReportTable } from "../../src/report/formats/table.js";
import { fixedContext, reportOf } from "./helpers.js";

type Node = DefaultTreeAdapterMap["node"];

const base = reportOf("test/fixtures/mini/agency.yaml").report;

/** The mini report with `text` in every place a file's free text reaches: agency name, assessor, notes, evidence URL and note, a dimension title. */
function withText(text: string, url: string): Report {
  const report = structuredClone(base);
  report.agency = { ...report.agency, name: { en: text, ar: text } };
  report.assessor = text;
  for (const d of report.dimensions) for (const c of d.criteria) {
    c.notes = text;
    c.evidence = [{ url, note: text, date: "2026-01-01" }, { url }, { note: text }];
  }
  const first = report.rubricDef.dimensions[0];
  if (first) first.title = { en: text, ar: text };
  return report;
}

/** Every element and attribute of a parsed document as "tag" and "tag@attr" (the structure, not the text). */
function structure(html: string): { shape: string[]; errors: string[] } {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e.code) });
  const shape = new Set<string>();
  const walk = (node: Node) => {
    if ("tagName" in node) {
      shape.add(node.tagName);
      for (const a of node.attrs) shape.add(`${node.tagName}@${a.name}`);
    }
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
    if ("content" in node && node.content) walk(node.content as Node);
  };
  walk(doc);
  return { shape: [...shape].sort(), errors };
}

// Any Unicode, with the characters that break formats made likely.
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "|", "\\", "`", "*", "_", "[", "]", "(", ")", "#", "\n", "\r", "\t", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u202e", "\u200f", "\u2066", "\ud800", "\ufffe", "a", "ب", " ", "javascript:", "<script>", "</td>", "-->", "<!--", "=", "\u0300"), maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const urls = fc.oneof(hostile, fc.constantFrom("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "data:text/html,<script>x</script>", "https://ok.example/a?b=1&c=\"2\"", "https://x.example/\"><script>alert(1)</script>", "vbscript:x"), hostile.map((s) => `https://e.example/${s}`));

describe("HTML report with hostile texts", () => {
  for (const lang of ["en", "ar"]) {
    const plain = structure(renderReportHtml(withText("plain text", "https://example.org/plain"), fixedContext(lang)));

    it(`parses without error and adds no element or attribute (${lang})`, () => {
      expect(plain.errors).toEqual([]);
      fc.assert(
        fc.property(hostile, urls, (text, url) => {
          const html = renderReportHtml(withText(text, url), fixedContext(lang));
          const parsed = structure(html);
          expect(parsed.errors).toEqual([]);
          // Links may disappear (a javascript: URL is not made a link), nothing else may change or appear.
          expect(parsed.shape.filter((s) => !s.startsWith("a@") && s !== "a" && s !== "code")).toEqual(plain.shape.filter((s) => !s.startsWith("a@") && s !== "a" && s !== "code"));
          expect(parsed.shape.filter((s) => !plain.shape.includes(s))).toEqual([]);
          expect(html).not.toMatch(/<script/i);
          expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("never makes a javascript: URL a link, and keeps a safe one as a link", () => {
    const bad = renderReportHtml(withText("x", "javascript:alert(1)"), fixedContext("en"));
    expect(bad).not.toContain('href="javascript');
    expect(bad).toContain("javascript:alert(1)");
    const good = renderReportHtml(withText("x", "https://example.org/ok"), fixedContext("en"));
    expect(good).toContain('<a href="https://example.org/ok" rel="noopener noreferrer"><bdi>x</bdi></a>');
  });
});

/** Cells of a markdown table row: split at pipes not escaped by a backslash. */
function cellCount(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "|") count++;
  }
  return count - 1;
}

describe("markdown report with hostile texts", () => {
  it("keeps every table's column count and lets no raw HTML through", () => {
    fc.assert(
      fc.property(hostile, urls, fc.constantFrom("en", "ar"), (text, url, lang) => {
        const md = renderReportMarkdown(withText(text, url), fixedContext(lang));
        const lines = md.split("\n");
        let columns: number | null = null;
        for (const line of lines) {
          if (!line.startsWith("|")) {
            columns = null;
            continue;
          }
          const n = cellCount(line);
          columns ??= n;
          expect(n).toBe(columns);
        }
        // The only tags are the report's own.
        // Backslash-escaped characters are literal text; drop them before looking for tags.
        const tags = md.replace(/\\[\s\S]/g, "").match(/<\/?[a-z][^>]*>/gi) ?? [];
        for (const tag of tags) expect(["<sub>", "</sub>", '<div dir="rtl">', "</div>", "<details>", "</details>", "<summary>", "</summary>"]).toContain(tag);
        expect(md).not.toMatch(/\]\((?!https?:|mailto:)/i);
      }),
      { numRuns: 200 },
    );
  });
});

describe("table report with hostile texts", () => {
  it("lets no control character or escape sequence reach the terminal", () => {
    fc.assert(
      fc.property(hostile, urls, (text, url) => {
        const out = renderReportTable(withText(text, url), fixedContext("en"));
        expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      }),
      { numRuns: 100 },
    );
  });
});
