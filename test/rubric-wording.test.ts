import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./helpers.js";

/** Every `{lang: text}` value of a rubric file, with the path that leads to it. */
function texts(file: string, lang: "en" | "ar"): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === lang && typeof v === "string") out.push({ path, text: v });
        else walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(parse(readFileSync(`${ROOT}rubrics/${file}`, "utf8")), "");
  return out;
}

const arabic = texts("egov-maturity.yaml", "ar");
const english = texts("egov-maturity.yaml", "en");
const all = arabic.map((t) => t.text).join("\n");
const letter = "[\\u0621-\\u064A\\u064B-\\u0652]";

describe("the Arabic of the default rubric", () => {
  it.each([
    ["the applicant is المستفيد, not المراجع", new RegExp(`(?<!${letter})(?:لل|ال)مراجع(?:ين|ون)?(?!${letter})`)],
    ["one name for the unified portal", /البوابة الوطنية الموحّدة/],
    ["no calque «لا أحد»", /لا أحد|إلى أحد|يراجعها أحد/],
    ["no calque «مَن قرّر ماذا»", /قرّر ماذا|يقرّر ماذا|قرر ماذا/],
    ["no calque «على الورق»", /على الورق/],
    ["no calque «افتراضياً»", /افتراضي/],
    ["no «يتم/تتم» passives", /(?<![\u0621-\u064A])[يت]تم(?![\u0621-\u064A])/],
    ["no vague «من حين لآخر» or «أحياناً»", /من حين لآخر|أحياناً|كل بضع/],
    ["evidence is الشواهد, as in the messages, not الأدلة", /الأدلة/],
    ["no «أنظمة» for regulations", /(?:لوائح|قوانين|تشريعات|سياسات)[^،.]{0,12}و?أنظمت?ها|والأنظمة واللوائح|التشريعات والأنظمة/],
  ])("%s", (_name, pattern) => {
    const found = arabic.filter((t) => pattern.test(t.text)).map((t) => `${t.path}: ${t.text}`);
    expect(found).toEqual([]);
  });

  it("keeps the corrections issue 15 asked for", () => {
    for (const phrase of ["الأنظمة التشغيلية للجهة", "السجلات النشطة", "ربط مباشر مع جهة أو جهتين", "تُرَدّ المبالغ المستحقة", "وحدة أمن الأجهزة", "مدة الرد غير معروفة", "منعدم", "مُحسَّن باستمرار"]) {
      expect(all, phrase).toContain(phrase);
    }
    for (const old of ["من أنظمة التشغيل", "السجلات الفعالة", "ربط ثنائي", "المبالغ المستردة", "وحدة أمن مادية"]) {
      expect(all, old).not.toContain(old);
    }
    const gtmi = texts("wb-gtmi.yaml", "ar").map((t) => t.text).join("\n");
    expect(gtmi).toContain("درجة الدولة");
    expect(gtmi).not.toContain("درجة الاقتصاد");
    expect(gtmi).not.toMatch(/التشريعات والأنظمة/);
  });

  it("has an Arabic text beside every English one", () => {
    expect(arabic.map((t) => t.path)).toEqual(english.map((t) => t.path));
  });
});

describe("the level descriptors of the default rubric", () => {
  it("use no vague quantities", () => {
    const vague = /\b(?:many|occasional(?:ly)?|from time to time|sometimes|every few|several|irregularly|regularly)\b/i;
    const found = english.filter((t) => /\.levels\.\d$/.test(t.path) && vague.test(t.text)).map((t) => `${t.path}: ${t.text}`);
    expect(found).toEqual([]);
  });

  it("give accessibility (WCAG) to one criterion only", () => {
    const owners = new Set(english.filter((t) => /\.(?:levels\.\d|evidence|recommendation)$/.test(t.path) && /WCAG|accessibility/i.test(t.text)).map((t) => t.path.replace(/\.(?:levels\.\d|evidence|recommendation)$/, "")));
    expect([...owners]).toHaveLength(1);
  });

  it("give digital identity to one criterion only", () => {
    const identity = /digital identity|national eID|single sign-on|sign in with the national/i;
    const owners = new Set(english.filter((t) => /\.levels\.\d$/.test(t.path) && identity.test(t.text)).map((t) => t.path.replace(/\.levels\.\d$/, "")));
    expect([...owners]).toHaveLength(1);
  });
});
