import type { LocalisedText } from "../core/text.js";

/**
 * A string of its own. V8 keeps a slice of 13 characters or more (an agency's name or id read from its
 * file) as a view of the whole text it was cut from: a kept result would hold its file's text, some
 * 10 KB per agency. A copy through JSON holds only its characters.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** A localised text whose strings are all of their own (see ownString). */
export function ownText(text: LocalisedText): LocalisedText {
  if (typeof text === "string") return ownString(text);
  const out: Record<string, string> = {};
  for (const lang in text) out[lang] = ownString(text[lang]!);
  return out;
}
