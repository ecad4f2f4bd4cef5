/** Characters that do not show on screen but make two ids differ: format controls (zero-width, bidi marks and overrides), other controls, NBSP. */
const INVISIBLE = /[\p{Cf}\p{Cc}\u00A0\u2028\u2029]/u;

/**
 * A note naming the first invisible character in an id, e.g. " (it holds an invisible character,
 * U+200B, after `pub.a`)"; empty when there is none. Appended to "unknown id" messages, which would
 * otherwise say "`pub.a` is not a criterion ... did you mean `pub.a`?".
 */
export function invisibleNote(id: string): string {
  const match = INVISIBLE.exec(id);
  if (match === null) return "";
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  const before = id.slice(0, match.index);
  return ` (it holds an invisible character, U+${code}, ${before === "" ? "at the start" : `after \`${before}\``}: retype the id)`;
}
