import { describe, expect, it } from "vitest";
import { forTerminal, isolateLine } from "../../src/assess/screen.js";

const RLM = "\u200F";
const LRI = "\u2066";
const PDI = "\u2069";

describe("terminal text for assess", () => {
  it("wraps at spaces to the terminal's width, never inside a word, keeping each line's indent", () => {
    const text = "  3  راسخ — تتيح الجهة استفساراتهم الإلكترونية وتردّ عليها خلال يومين وتنشر إحصاءات الردود";
    const out = forTerminal(text, { columns: 40, tty: true, rtl: true }).split("\n");
    expect(out.length).toBeGreaterThan(1);
    const words = text.trim().split(/\s+/);
    const back = out.map((l) => l.replace(/[\u200F\u2066-\u2069]/g, "").trim()).join(" ").split(/\s+/);
    expect(back).toEqual(words); // every word whole, in order
    for (const l of out) expect(l.startsWith("  ")).toBe(true);
    for (const l of out) expect([...l.replace(/[\u200F\u2066-\u2069]/g, "")].length).toBeLessThanOrEqual(39);
  });

  it("isolates Arabic lines: a right-to-left mark first, Latin ids, URLs and keys as left-to-right islands; digits alone stay", () => {
    expect(isolateLine("الموقع الإلكتروني  (publication.web-portal · الوزن 2)")).toBe(`${RLM}الموقع الإلكتروني  (${LRI}publication.web-portal${PDI} · الوزن 2)`);
    expect(isolateLine("a/ش لا ينطبق")).toBe(`${RLM}${LRI}a${PDI}/ش لا ينطبق`);
    expect(isolateLine("  3 https://example.org/x ; ملاحظة")).toBe(`  ${RLM}${LRI}3 https://example.org/x${PDI} ; ملاحظة`);
    expect(isolateLine("Publication · 1 / 6")).toBe("Publication · 1 / 6");
  });

  it("an English session's lines are wrapped but not isolated", () => {
    expect(forTerminal("«٥» is not a level", { columns: 80, tty: true, rtl: false })).toBe("«٥» is not a level");
  });

  it("without a TTY the text is unchanged", () => {
    const text = "مرحلة الإعلان · 1 / 58 — a very long line ".repeat(5);
    expect(forTerminal(text, { columns: 30, tty: false, rtl: true })).toBe(text);
  });
});
