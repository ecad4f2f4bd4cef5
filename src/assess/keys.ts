/**
 * The keys typed at `assess`'s prompts, the same in every language, and what the same physical
 * keys type on an Arabic keyboard (so a consultant need not switch layouts), plus Arabic numerals.
 */

/** The commands a question, the review or a prompt offers. */
export const KEYS = {
  na: "a",
  skip: "s",
  back: "b",
  jump: "j",
  review: "r",
  evidence: "e",
  yes: "y",
  no: "n",
  help: "?",
  finish: "f",
  cont: "c",
  previous: "p",
} as const;

export type Command = keyof typeof KEYS;

/**
 * The character the same physical key gives on the standard Arabic (101) layout:
 * a→ش s→س b→لا j→ت r→ق e→ث y→غ n→ى ?→؟ f→ب c→ؤ p→ح.
 */
export const ARABIC_LAYOUT: Readonly<Record<string, string>> = {
  a: "ش",
  s: "س",
  b: "لا",
  j: "ت",
  r: "ق",
  e: "ث",
  y: "غ",
  n: "ى",
  "?": "؟",
  f: "ب",
  c: "ؤ",
  p: "ح",
};

/** Arabic words accepted at a yes/no question (there, «لا» is "no", not the back key). */
export const ARABIC_YES = ["نعم", "ن"];
export const ARABIC_NO = ["لا", "ﻻ"];

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits, the Arabic decimal separator and percent sign, in ASCII. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, ".")
    .replace(/\u066A/g, "%");
}

/** A number in Arabic-Indic digits (٠-٩), for showing allowed values to an Arabic reader. */
export function arabicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** Normalises a typed token: digits to ASCII, lower case, the lam-alef ligature to its two letters. */
export function normaliseToken(token: string): string {
  return asciiDigits(token.trim()).toLowerCase().replace(/\uFEFB/g, "لا");
}

/**
 * The command a token names, among `allowed`: its Latin key, or the character the same key gives
 * on an Arabic keyboard. Undefined when it names none of them.
 */
export function commandOf<C extends Command>(token: string, allowed: readonly C[]): C | undefined {
  const t = normaliseToken(token);
  for (const c of allowed) {
    const key = KEYS[c];
    if (t === key || t === ARABIC_LAYOUT[key]) return c;
  }
  return undefined;
}

/** How a key is shown in a menu: `a` in English, `a/ش` in Arabic (both work in any session). */
export function keyLabel(command: Command, lang: string): string {
  const key = KEYS[command];
  const arabic = ARABIC_LAYOUT[key];
  return lang === "ar" && arabic !== undefined ? `${key}/${arabic}` : key;
}
