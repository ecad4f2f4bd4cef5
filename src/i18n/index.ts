/** The tool's own words, in every language it speaks: `t(lang, key, slots)`. Rubric texts come from the rubric. */
import { ar } from "./ar.js";
import { en, type MessageKey } from "./en.js";

const catalogues: Record<string, Record<MessageKey, string>> = { en, ar };

/** The languages the tool's own words are written in. */
export const UI_LANGUAGES = Object.keys(catalogues);

/** The word for `key` in `lang` (English when the tool does not speak `lang`), with `{n}`-style slots filled. */
export function t(lang: string, key: MessageKey, slots: Record<string, string | number> = {}): string {
  const text = (catalogues[lang] ?? en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(slots[name] ?? `{${name}}`));
}

export type { MessageKey };

/** "N criteria unanswered", with the number agreement each language needs (Arabic: 1, 2, 3–10, 11+). */
export function unansweredNote(lang: string, n: number): string {
  if (n === 1) return t(lang, "unansweredNote1");
  if (n === 2) return t(lang, "unansweredNote2");
  if (n >= 3 && n <= 10) return t(lang, "unansweredNoteFew", { n });
  return t(lang, "unansweredNote", { n });
}

/**
 * A message with a count, in the plural category `Intl.PluralRules` gives for `n` in `lang`
 * (Arabic has six: zero, one, two, few, many, other). The catalogue holds one key per category,
 * `<base>.<category>`, with `{n}` as the number's slot; a missing category falls back to `<base>.other`.
 */
export function plural(lang: string, base: string, n: number, slots: Record<string, string | number> = {}): string {
  const catalogue = catalogues[lang] ?? en;
  const code = catalogues[lang] ? lang : "en";
  const category = new Intl.PluralRules(code).select(n);
  const table = catalogue as Record<string, string>;
  const text = table[`${base}.${category}`] ?? table[`${base}.other`] ?? (en as Record<string, string>)[`${base}.other`];
  if (text === undefined) throw new Error(`no plural message ${base}.other`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(name === "n" && slots.n === undefined ? n : (slots[name] ?? `{${name}}`)));
}
