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

/** At most this many distinct strings (and group sets) are shared: past it, values are kept as they came. */
const SHARED_MAX = 1 << 14;

/**
 * Strings and group sets shared between the agencies of a batch: a kept result refers to them instead
 * of a copy each (an agency scored on a worker thread comes with its own copy of every string, which
 * over 200,000 agencies would be most of the batch's memory). Shared strings are strings of their own,
 * shared group sets have no prototype (a `--group-by toString` finds the value, never Object's member).
 */
export class SharedStrings {
  private readonly strings = new Map<string, string>();
  private readonly groups = new Map<string, Readonly<Record<string, string>>>();

  string<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    const own = ownString(value);
    if (this.strings.size < SHARED_MAX) this.strings.set(own, own);
    return own as T;
  }

  groupSet(groups: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    let key = "";
    for (const k in groups) key += `${k.length}:${k}${groups[k]!.length}:${groups[k]}`;
    const known = this.groups.get(key);
    if (known !== undefined) return known;
    const own: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const k in groups) own[this.string(k)] = this.string(groups[k]!);
    if (this.groups.size < SHARED_MAX) this.groups.set(key, own);
    return own;
  }
}
