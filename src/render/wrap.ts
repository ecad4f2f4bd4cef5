const ANSI = /\u001B\[[0-9;]*m/g;

/** Columns a text takes in a terminal: ANSI colour codes and combining marks take none, wide (CJK, emoji) characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, "").replace(/\p{M}/gu, "")) {
    const cp = ch.codePointAt(0) ?? 0;
    width += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
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
