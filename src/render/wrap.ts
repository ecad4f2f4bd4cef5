import stringWidth from "string-width";

const ANSI = /\u001B\[[0-9;]*m/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** string-width's cost grows with the square of the text's length: longer texts are measured in pieces. */
const PIECE = 256;

/**
 * Columns a text takes in a terminal (string-width): ANSI colour codes and combining marks take none,
 * wide (CJK, emoji) characters two. Printable ASCII is its length. A long text (a 40,000-word summary
 * on one line took minutes) is measured in pieces of about 256 characters, each cut before a printable
 * ASCII character, where a grapheme cluster starts; colour codes are removed first so none is cut.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (text.length <= PIECE) return stringWidth(text);
  const plain = text.replace(ANSI, "");
  let width = 0;
  for (let start = 0; start < plain.length; ) {
    let end = Math.min(plain.length, start + PIECE);
    // At most one more piece's length to find a cut before printable ASCII; a text without any is cut anyway.
    for (const limit = Math.min(plain.length, end + PIECE); end < limit; end++) {
      const c = plain.charCodeAt(end);
      if (c >= 0x20 && c <= 0x7e) break;
    }
    width += stringWidth(plain.slice(start, end));
    start = end;
  }
  return width;
}

/** Splits a plain word (no colour codes) into pieces of at most `width` columns. */
function chunk(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece !== "" && displayWidth(piece + ch) > width) {
      pieces.push(piece);
      piece = "";
    }
    piece += ch;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/**
 * One terminal line wrapped at spaces to `width` columns; continuation lines indented by `indent`
 * spaces. Colour codes are kept (a colour that spans a break continues on the next line). A word
 * longer than a line is cut.
 */
export function wrapLine(line: string, width: number, indent = 2): string[] {
  if (displayWidth(line) <= width) return [line];
  const out: string[] = [];
  let current = "";
  const room = () => width - (out.length === 0 ? 0 : indent);
  for (const word of line.split(" ")) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (displayWidth(candidate) <= room()) {
      current = candidate;
      continue;
    }
    if (current !== "") out.push(current);
    current = "";
    const pieces = displayWidth(word) > room() && !ANSI.test(word) ? chunk(word, width - indent) : [word];
    ANSI.lastIndex = 0;
    for (const piece of pieces.slice(0, -1)) out.push(piece);
    current = pieces[pieces.length - 1] ?? "";
  }
  if (current !== "") out.push(current);
  return out.map((l, i) => (i === 0 ? l : `${" ".repeat(indent)}${l}`));
}

/** Every line of a text wrapped to `width` columns (lines that fit are left as they are). */
export function wrapText(text: string, width: number, indent = 2): string {
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width, indent))
    .join("\n");
}

/** A list item's first line: a dash, star or bullet, or a number (Latin or Arabic-Indic digits) with `.` or `)`. */
const LIST_ITEM = /^(?:[-*•]|[0-9\u0660-\u0669]+[.)])\s/;

/**
 * Prose written in a YAML block (an executive summary, the context) as terminal lines of `width`
 * columns. A blank line separates paragraphs; a single line break inside a paragraph is a space (the
 * writer's line length is not the terminal's), except before a list item. A paragraph is wrapped
 * flush with the margin, a list item with its continuation lines under its text.
 */
export function reflowProse(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    const lines: string[] = [];
    for (const raw of paragraph.split("\n")) {
      const line = raw.trim();
      if (line === "") continue;
      if (lines.length === 0 || LIST_ITEM.test(line)) lines.push(line);
      else lines[lines.length - 1] += ` ${line}`;
    }
    if (lines.length === 0) continue;
    if (out.length > 0) out.push("");
    for (const line of lines) out.push(...wrapLine(line, width, LIST_ITEM.test(line) ? 2 : 0));
  }
  return out;
}
