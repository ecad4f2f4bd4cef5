// Every message with a count, in both languages, over the numbers where the plural categories change.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ar } from "../../src/i18n/ar.js";
import { en, type PluralBase } from "../../src/i18n/en.js";
import { plural, t } from "../../src/i18n/index.js";
import { ROOT } from "../helpers.js";

const NUMBERS = [0, 1, 2, 3, 10, 11, 100, 101, 102, 103];
const CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
const ARABIC: Record<number, (typeof CATEGORIES)[number]> = { 0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 100: "other", 101: "other", 102: "other", 103: "few" };
const bases = Object.keys(en).filter((k) => k.endsWith(".other")).map((k) => k.slice(0, -".other".length) as PluralBase);
const catalogue = { en: en as Record<string, string>, ar: ar as Record<string, string> };

/** Every slot of the base's texts but {n}, filled with its name in capitals. */
function slotsOf(base: string): Record<string, string> {
  const names = Object.entries(catalogue.ar).concat(Object.entries(catalogue.en)).filter(([k]) => k.startsWith(`${base}.`)).flatMap(([, v]) => [...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  return Object.fromEntries(names.filter((n) => n !== "n").map((n) => [n, n.toUpperCase()]));
}

describe("plural()", () => {
  it("has count messages to test", () => expect(bases.length).toBeGreaterThan(15));

  for (const base of bases) {
    describe(base, () => {
      it("Arabic gives all six categories", () => {
        for (const c of CATEGORIES) expect(catalogue.ar[`${base}.${c}`], `${base}.${c}`).toBeDefined();
      });

      it.each(NUMBERS)("n = %i: the category's text, every slot filled", (n) => {
        const slots = slotsOf(base);
        const arText = plural("ar", base, n, slots);
        expect(arText).toBe(catalogue.ar[`${base}.${ARABIC[n]}`]!.replace(/\{(\w+)\}/g, (_, s: string) => (s === "n" ? String(n) : slots[s]!)));
        const enText = plural("en", base, n, slots);
        expect(enText).toBe((catalogue.en[`${base}.${n === 1 ? "one" : "other"}`] ?? catalogue.en[`${base}.other`])!.replace(/\{(\w+)\}/g, (_, s: string) => (s === "n" ? String(n) : slots[s]!)));
        for (const text of [arText, enText]) expect(text).not.toMatch(/\{\w+\}/);
        // English plural nouns never follow "1 " (e.g. "1 agencies", "1 criteria", "1 days")
        expect(enText).not.toMatch(/\b1 (agencies|criteria|files|days|problems|steps|assessments|pieces)\b/);
      });
    });
  }

  it("a language the tool does not speak falls back to English", () => {
    expect(plural("fr", "rubric.criteriaCount", 1)).toBe("1 criterion");
  });

  it("writes the issue's examples as a native speaker would", () => {
    const title = (lang: string, agencies: number, files: number) => t(lang, "batch.title", { agencies: plural(lang, "batch.agencyCount", agencies), files: plural(lang, "batch.fileCount", files) });
    expect(title("ar", 4, 4)).toBe("4 جهات من 4 ملفات");
    expect(title("ar", 2, 1)).toBe("جهتان من ملف واحد");
    expect(title("ar", 11, 11)).toBe("11 جهة من 11 ملفًا");
    expect(title("ar", 100, 2)).toBe("100 جهة من ملفين");
    expect(title("en", 1, 1)).toBe("1 agency from one file");
    expect(title("en", 4, 4)).toBe("4 agencies from 4 files");
    expect(NUMBERS.map((n) => plural("ar", "rubric.criteriaCount", n))).toEqual(["لا توجد معايير", "معيار واحد", "معياران", "3 معايير", "10 معايير", "11 معيارًا", "100 معيار", "101 معيار", "102 معيار", "103 معايير"]);
    expect(NUMBERS.map((n) => plural("en", "rubric.criteriaCount", n))).toEqual(["0 criteria", "1 criterion", "2 criteria", "3 criteria", "10 criteria", "11 criteria", "100 criteria", "101 criteria", "102 criteria", "103 criteria"]);
  });

  it("the whole table, for review by a native speaker (test/golden/i18n/plurals.md)", async () => {
    const rows = bases.flatMap((base) => {
      const slots = slotsOf(base);
      return [`## ${base}`, "", "| n | en | ar |", "|---|---|---|", ...NUMBERS.map((n) => `| ${n} | ${plural("en", base, n, slots)} | ${plural("ar", base, n, slots)} |`), ""];
    });
    await expect(`# Count messages\n\n${rows.join("\n")}`).toMatchFileSnapshot("../golden/i18n/plurals.md");
  });
});

describe("no hand-written count branches", () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
  }
  it("no source file picks a message or a suffix by comparing a count with 1", () => {
    const offenders = files(join(ROOT, "src")).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${f.slice(ROOT.length)}:${i + 1}` }))
        .filter(({ line }) => /(length|count|\bn|documents|files|agencies) === 1 \? ["'`]/.test(line) || /"s"\)?\}?`/.test(line) && /=== 1/.test(line)),
    );
    expect(offenders.map((o) => o.at)).toEqual([]);
  });
});
