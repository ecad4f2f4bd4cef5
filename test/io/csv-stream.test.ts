// A table read in pieces gives the records, lines and problems the whole text gives (issue 18: CSV
// streamed in chunks to the workers).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/core/problems.js";
import { csvRecords, detectDelimiter, type CsvRecord } from "../../src/io/csv.js";
import { csvPieces, scanCsvFile, tablePieces } from "../../src/io/csv-stream.js";
// The bench's PRNG (mulberry32): one copy for the generated corpora and these tables.
// @ts-expect-error the bench is plain JavaScript without types
import { prng as benchPrng } from "../../bench/batch.js";

const prng = benchPrng as (seed: number) => () => number;

/** A table of awkward but valid cells: quotes, doubled quotes, line breaks of every kind inside quotes, blank lines, CRLF and lone CR ends. */
function table(random: () => number, rows: number): string {
  const cells = ["a", "", "12", '"x, y"', '"say ""yes"""', '"two\nlines"', '"cr\r\nlf"', '"lone\rcr"', "ü→é", '""'];
  const ends = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"];
  let text = random() < 0.3 ? "\n\n" : "";
  text += "id,name,x\n";
  for (let r = 0; r < rows; r++) {
    const row = [0, 1, 2].map(() => cells[Math.floor(random() * cells.length)]!);
    text += row.join(",") + (r === rows - 1 && random() < 0.5 ? "" : ends[Math.floor(random() * ends.length)]!);
  }
  return text;
}

/** The text cut into chunks of random sizes (a `\r\n` may fall across two). */
function chunks(text: string, random: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(random() * 7);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

function recordsOfPieces(text: string, random: () => number, rows: number): { records: CsvRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const records: CsvRecord[] = [];
  const delimiter = detectDelimiter(text);
  for (const piece of csvPieces(chunks(text, random), rows)) records.push(...csvRecords(piece.text, "t.csv", problems, delimiter, piece.line));
  return { records, problems };
}

describe("a CSV table read in pieces", () => {
  it("gives the records, cells and lines of the whole text, however it is cut", () => {
    const random = prng(18);
    for (let n = 0; n < 300; n++) {
      const text = table(random, 1 + Math.floor(random() * 12));
      const whole: Problem[] = [];
      const expected = [...csvRecords(text, "t.csv", whole)];
      expect(whole).toEqual([]);
      const got = recordsOfPieces(text, random, 1 + Math.floor(random() * 3));
      expect(got.problems).toEqual([]);
      expect(got.records).toEqual(expected);
    }
  });

  it("shows a syntax problem the whole text has", () => {
    const random = prng(13);
    for (const bad of ['a,b"c,d\n', '"open,never closed\n', '"x"y,z\n']) {
      const text = `id,name,x\n1,a,b\n${bad}3,c,d\n`;
      const whole: Problem[] = [];
      for (const _r of csvRecords(text, "t.csv", whole));
      expect(whole.length).toBeGreaterThan(0);
      expect(recordsOfPieces(text, random, 1).problems.length).toBeGreaterThan(0);
    }
  });

  it("scanCsvFile: a header and the delimiter for a clean file; undefined (read whole, problem worded) otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "egov-csv-stream-"));
    const file = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const clean = file("clean.csv", "\uFEFFid;name\r\na;\"b;c\"\r\n");
    expect(scanCsvFile(clean)).toMatchObject({ delimiter: ";", header: { line: 1, cells: [{ value: "id" }, { value: "name" }] } });
    expect([...tablePieces(clean)]).toEqual([{ text: 'a;"b;c"\r\n', line: 2 }]);
    // Blank lines before the header belong to the header's piece: the rows start after it.
    const blank = file("blank.csv", "\n\r\nid,name\na,b\n");
    expect(scanCsvFile(blank)).toMatchObject({ delimiter: ",", header: { line: 3 } });
    expect([...tablePieces(blank)]).toEqual([{ text: "a,b\n", line: 4 }]);
    expect(scanCsvFile(file("quote.csv", 'id,name\na,"b\n'))).toBeUndefined();
    expect(scanCsvFile(file("header-only.csv", "id,name\n"))).toBeUndefined();
    expect(scanCsvFile(file("latin1.csv", Buffer.from([0x69, 0x64, 0x0a, 0xe9, 0x0a])))).toBeUndefined();
    expect(scanCsvFile(file("nul.csv", Buffer.from("id\na\u0000\n")))).toBeUndefined();
    expect(scanCsvFile(join(dir, "missing.csv"))).toBeUndefined();
  });
});
