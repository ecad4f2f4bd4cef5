/**
 * Localised texts: a plain string, or a map from language code to string.
 * A missing translation falls back to the rubric's default language, then to any language present.
 */
export type LocalisedText = string | Readonly<Record<string, string>>;

/** Picks the text of `lang`, falling back to `fallback`, then to the first translation present. */
export function localise(text: LocalisedText | undefined, lang: string, fallback: string): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  const own = text[lang];
  if (own !== undefined) return own;
  const byDefault = text[fallback];
  if (byDefault !== undefined) return byDefault;
  for (const value of Object.values(text)) return value;
  return "";
}

/**
 * Merges an override text into a base text: maps merge per language; a plain base string counts as
 * the text of `baseLanguage`, so an override can add a translation to it; a plain override replaces.
 */
export function mergeText(base: LocalisedText | undefined, override: LocalisedText | undefined, baseLanguage = "en"): LocalisedText | undefined {
  if (override === undefined) return base;
  if (base === undefined || typeof override === "string") return override;
  const from = typeof base === "string" ? { [baseLanguage]: base } : base;
  return { ...from, ...override };
}
