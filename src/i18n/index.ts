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
