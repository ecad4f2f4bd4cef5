import type { Problem } from "../core/problems.js";

/** One cell of a CSV table with where it starts: the file line (1-based) and the field number (1-based). */
export interface CsvCell {
  value: string;
  line: number;
  column: number;
}

/** One record (row) of a CSV table: the line it starts on and its cells. */
export interface CsvRecord {
  line: number;
  cells: CsvCell[];
}

export interface CsvTable {
  /** The delimiter found on the first line: `,` unless the header holds more `;` or tabs. */
  delimiter: string;
  records: CsvRecord[];
}

/** The delimiter of a table: the most frequent of `,`, `;` and tab outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Parses CSV text (RFC 4180): quoted fields, `""` inside quotes, CRLF or LF line ends, a leading BOM,
 * line breaks inside quoted fields. Every problem is collected with its line and field number;
 * completely empty lines are skipped. Never throws.
 */
export function parseCsv(text: string, file: string, delimiter: string = detectDelimiter(text)): { table: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const records = [...csvRecords(text, file, problems, delimiter)];
  return { table: { delimiter, records }, problems };
}

/**
 * The records of CSV text one by one (see `parseCsv`), so that a large table is never held as cells
 * all at once; problems are pushed to `problems` as they are met. `firstLine`: the file line the text
 * starts on (a piece of a table read in pieces, see csv-stream.ts).
 */
export function* csvRecords(text: string, file: string, problems: Problem[], delimiter: string = detectDelimiter(text), firstLine = 1): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = firstLine;
  const at = (l: number, column: number) => ({ severity: "error" as const, file, line: l, column });

  while (i < text.length) {
    // A blank line is no record.
    if (text[i] === "\n" || text[i] === "\r") {
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    const cells: CsvCell[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      const cellLine = line;
      const column = cells.length + 1;
      let value = "";
      // Cells are slices of the text, never built a character at a time (a rope per cell would hold
      // tens of bytes per character for as long as the value lives).
      if (text[i] === '"') {
        i++;
        let closed = false;
        let from = i;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            closed = true;
            break;
          }
          if (ch === "\n") line++;
          if (ch === "\r" && text[i + 1] !== "\n") line++;
          i++;
        }
        if (!closed) {
          value += text.slice(from, i);
          problems.push({ ...at(cellLine, column), code: "CSV_UNTERMINATED_QUOTE", message: `the quoted cell in column ${column} is never closed`, hint: 'close it with `"`; a quote inside a quoted cell is written `""`' });
          cells.push({ value, line: cellLine, column });
          break;
        }
        // After a closing quote: a delimiter, a line end or the end of the text.
        const strayFrom = i;
        while (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") i++;
        const stray = text.slice(strayFrom, i);
        if (stray !== "") {
          problems.push({ ...at(cellLine, column), code: "CSV_TEXT_AFTER_QUOTE", message: `column ${column} has text after its closing quote: ${JSON.stringify(stray.slice(0, 20))}`, hint: 'quote the whole cell, and double every quote inside it: "say ""yes"""' });
          value += stray;
        }
      } else {
        let strayQuote = false;
        const from = i;
        while (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] === '"' && !strayQuote) {
            strayQuote = true;
            problems.push({ ...at(cellLine, column), code: "CSV_STRAY_QUOTE", message: `column ${column} holds a quote in an unquoted cell`, hint: 'quote the whole cell, and double every quote inside it: "12"" screen"' });
          }
          i++;
        }
        value = text.slice(from, i);
      }
      cells.push({ value, line: cellLine, column });
      if (i >= text.length) endOfRecord = true;
      else if (text[i] === delimiter) i++;
      else {
        // \r\n, \n or a lone \r ends the record.
        if (text[i] === "\r" && text[i + 1] === "\n") i++;
        i++;
        line++;
        endOfRecord = true;
      }
    }
    yield { line: recordLine, cells };
  }
}
