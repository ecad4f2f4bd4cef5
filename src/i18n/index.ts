/** The tool's own words, in every language it speaks: `t(lang, key, slots)`. Rubric texts come from the rubric. */
import { ar } from "./ar.js";
import { en, type MessageKey, type PluralBase } from "./en.js";

const catalogues: Record<string, Record<MessageKey, string>> = { en, ar };
/** The languages the tool's own words are written in. */
export const UI_LANGUAGES = Object.keys(catalogues);

/** The word for `key` in `lang` (English when the tool does not speak `lang`), with `{n}`-style slots filled. */
export function t(lang: string, key: MessageKey, slots: Record<string, string | number> = {}): string {
  return fill((catalogues[lang] ?? en)[key], slots);
}

export type { MessageKey, PluralBase, PluralCategory } from "./en.js";

/**
 * A message with a count, in the plural category `Intl.PluralRules` gives for `n` in `lang`
 * (Arabic has six: zero, one, two, few, many, other). The catalogue holds one key per category,
 * `<base>.<category>`, with `{n}` as the number's slot; a missing category falls back to `<base>.other`.
 * Never choose between messages by comparing a count yourself.
 */
export function plural(lang: string, base: PluralBase, n: number, slots: Record<string, string | number> = {}): string {
  const code = catalogues[lang] ? lang : "en";
  const table = catalogues[code] as Record<string, string | undefined>;
  const category = new Intl.PluralRules(code).select(n);
  const text = table[`${base}.${category}`] ?? table[`${base}.other`] ?? (en as Record<string, string>)[`${base}.other`]!;
  return fill(text, { n, ...slots });
}

function fill(text: string, slots: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(slots[name] ?? `{${name}}`));
}
