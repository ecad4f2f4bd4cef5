import { describe, expect, it } from "vitest";
import { csvCell, escapeHtml, escapeXml, markdownText, safeLinkUrl } from "../../src/render/escape.js";

describe("escaping for every format", () => {
  it("markdown: no table break, no raw HTML, no bidi override that could disguise text", () => {
    const out = markdownText("a|b <script>x</script>\n\u202Etxt.exe\u2066x\u2069");
    expect(out).not.toMatch(/(?<!\\)\|/);
    expect(out).not.toMatch(/(?<!\\)</);
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\n]/);
  });
  it("html and xml: markup characters escaped, characters XML forbids removed", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
    expect(escapeXml("a\u0000b<c")).toBe("ab&lt;c");
  });
  it("links: only http(s) and mailto", () => {
    expect(safeLinkUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeLinkUrl(" JAVASCRIPT:alert(1)")).toBeUndefined();
    expect(safeLinkUrl("data:text/html,x")).toBeUndefined();
    expect(safeLinkUrl("https://example.org/a")).toBe("https://example.org/a");
  });
  it("csv: formula-leading cells neutralised, quotes doubled", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('-1,"x"')).toBe(`"'-1,""x"""`);
    expect(csvCell(-1)).toBe("-1");
  });
});
