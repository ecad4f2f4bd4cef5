import { wrapLine } from "../render/wrap.js";

/** What a terminal is: its width, and whether it is one (without a TTY the text goes out unchanged). */
export interface TerminalShape {
  columns: number;
  tty: boolean;
  /** The session's language is written right to left: its Arabic lines are isolated. */
  rtl: boolean;
}

const RLM = "\u200F";
const LRI = "\u2066";
const PDI = "\u2069";
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** A run of Latin text inside an Arabic line: ids, URLs, keys, dates (from a Latin letter or digit to the last letter, digit or %; brackets and punctuation around it stay Arabic). */
const WORD = "[A-Za-z0-9](?:[\\x21-\\x7E]*[A-Za-z0-9%])?";
const LATIN_RUN = new RegExp(`${WORD}(?: ${WORD})*`, "g");

/** Whether a line holds Arabic letters (and so needs an RTL paragraph). */
export function hasArabic(line: string): boolean {
  return ARABIC.test(line);
}

/**
 * An Arabic line made to read right in a bidi-capable terminal: a right-to-left mark first, so
 * the line is a right-to-left paragraph even when it starts with a digit or an id, and every Latin
 * run (ids, URLs, keys, dates with their dashes) isolated left-to-right, so that it stays whole and
 * in place. A line without Arabic is left as it is.
 */
export function isolateLine(line: string): string {
  if (!hasArabic(line)) return line;
  const indent = /^ */.exec(line)![0];
  const body = line.slice(indent.length).replace(LATIN_RUN, (run) => (/^\d+$/.test(run) ? run : `${LRI}${run}${PDI}`));
  return `${indent}${RLM}${body}`;
}

/**
 * A text for the terminal: every line wrapped at spaces to the terminal's width (a word longer
 * than a line is the only thing ever cut), then, in a right-to-left session, each Arabic line isolated. Without a TTY the text
 * is returned unchanged.
 */
export function forTerminal(text: string, shape: TerminalShape): string {
  if (!shape.tty) return text;
  const width = Math.max(20, shape.columns - 1);
  return text
    .split("\n")
    .flatMap((line) => {
      // wrapLine drops leading spaces: wrap the body, then indent every piece as the line was.
      const lead = /^ */.exec(line)![0];
      const pieces = wrapLine(line.slice(lead.length), width - lead.length, 2);
      return pieces.map((p) => `${lead}${p}`);
    })
    .map((line) => (shape.rtl ? isolateLine(line) : line))
    .join("\n");
}
