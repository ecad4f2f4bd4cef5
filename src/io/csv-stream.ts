import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Problem } from "../core/problems.js";
import { csvRecords, detectDelimiter, type CsvRecord } from "./csv.js";
import { noteInput } from "./write.js";
import { LIMITS } from "./yaml-limits.js";

/** A piece of a table's text made of whole records, and the file line it starts on. */
export interface CsvPiece {
  text: string;
  line: number;
}

/** Records in one piece of a table read in pieces (a worker's share of the rows). */
export const PIECE_ROWS = 1024;

/** The file cannot be read in pieces as it stands (it is read whole, which words the problem). */
class NotStreamable extends Error {}

/**
 * The text of a regular file in decoded chunks, 64 KB read at a time (the BOM dropped). Anything the
 * whole-file reader refuses or words — not a regular file, over the size cap, a NUL byte, invalid
 * UTF-8 — throws {@link NotStreamable}.
 */
function* textChunks(file: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new NotStreamable();
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > LIMITS.maxFileBytes) throw new NotStreamable();
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const buffer = Buffer.allocUnsafe(1 << 16);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      total += n;
      const bytes = buffer.subarray(0, n);
      if (total > LIMITS.maxFileBytes || bytes.indexOf(0) >= 0) throw new NotStreamable();
      yield decode(decoder, bytes);
    }
    yield decode(decoder);
  } finally {
    closeSync(fd);
  }
}

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
  } catch {
    throw new NotStreamable();
  }
}

/**
 * Cuts text chunks into pieces of whole records: the first piece is the header record (with any blank
 * lines before it), then up to `rows` records a piece. A record ends at a line break outside quotes
 * (a quote opens or closes a quoted cell, `""` twice over); a line is counted as the CSV reader counts
 * it (`\r\n`, `\n` or a lone `\r`, inside quotes too). In a table without a syntax problem, every piece
 * read alone gives the records the whole text would; in one with a problem, some piece shows it.
 */
export function* csvPieces(chunks: Iterable<string>, rows: number = PIECE_ROWS): Generator<CsvPiece> {
  let buf = "";
  let pos = 0;
  let start = 0;
  let startLine = 1;
  let line = 1;
  let quoted = false;
  let recordStart = 0;
  let records = 0;
  let limit = 1;
  const scan = (eof: boolean): CsvPiece[] => {
    const out: CsvPiece[] = [];
    while (pos < buf.length) {
      const c = buf.charCodeAt(pos);
      if (c === 34) quoted = !quoted;
      else if (c === 10 || c === 13) {
        // A `\r` at the end of what was read may be the first half of `\r\n`.
        if (c === 13 && pos + 1 === buf.length && !eof) break;
        const end = c === 13 && buf.charCodeAt(pos + 1) === 10 ? pos + 2 : pos + 1;
        line++;
        if (!quoted) {
          if (pos > recordStart && ++records === limit) {
            out.push({ text: buf.slice(start, end), line: startLine });
            start = end;
            startLine = line;
            records = 0;
            limit = rows;
          }
          recordStart = end;
        }
        pos = end;
        continue;
      }
      pos++;
    }
    if (eof && start < buf.length) out.push({ text: buf.slice(start), line: startLine });
    return out;
  };
  for (const chunk of chunks) {
    if (chunk === "") continue;
    buf = buf.slice(start) + chunk;
    pos -= start;
    recordStart -= start;
    start = 0;
    yield* scan(false);
  }
  yield* scan(true);
}

/** A table that can be read in pieces: its header record and delimiter. */
export interface StreamableTable {
  header: CsvRecord;
  delimiter: string;
}

/**
 * A first pass over a CSV file, in pieces (never the whole text at once): its header and delimiter
 * when it is a regular UTF-8 file within the size cap, without a syntax problem, with a header and a
 * row; undefined otherwise (then it is read whole, and the problem worded as for any other command).
 */
export function scanCsvFile(file: string): StreamableTable | undefined {
  noteInput(file);
  let header: CsvRecord | undefined;
  let delimiter: string | undefined;
  let rows = 0;
  const problems: Problem[] = [];
  try {
    for (const piece of csvPieces(textChunks(file))) {
      delimiter ??= detectDelimiter(piece.text);
      for (const record of csvRecords(piece.text, file, problems, delimiter, piece.line)) {
        if (header === undefined) header = record;
        else rows++;
      }
      if (problems.length > 0) return undefined;
    }
  } catch (error) {
    if (error instanceof NotStreamable) return undefined;
    throw error;
  }
  return header !== undefined && delimiter !== undefined && rows > 0 ? { header, delimiter } : undefined;
}

/** The rows of a table that {@link scanCsvFile} accepted, in pieces of whole records (the header left out). */
export function* tablePieces(file: string, rows: number = PIECE_ROWS): Generator<CsvPiece> {
  let first = true;
  for (const piece of csvPieces(textChunks(file), rows)) {
    if (first) first = false;
    else yield piece;
  }
}
