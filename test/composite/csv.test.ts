import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "../../src/io/csv.js";

const values = (text: string) => parseCsv(text, "t.csv").table.records.map((r) => r.cells.map((c) => c.value));
const codes = (text: string) => parseCsv(text, "t.csv").problems.map((p) => [p.code, p.line, p.column]);

describe("parseCsv (RFC 4180)", () => {
  it.each([
    ["plain cells", "a,b\n1,2\n", [["a", "b"], ["1", "2"]]],
    ["CRLF line ends", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]],
    ["no final line end", "a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ["a BOM", "\uFEFFa,b\n1,2\n", [["a", "b"], ["1", "2"]]],
    ["quoted delimiter", 'name,x\n"Korea, Rep.",1\n', [["name", "x"], ["Korea, Rep.", "1"]]],
    ["escaped quotes", 'a\n"say ""yes"""\n', [["a"], ['say "yes"']]],
    ["embedded CRLF newline", 'a,b\n"line 1\r\nline 2",2\n', [["a", "b"], ["line 1\r\nline 2", "2"]]],
    ["empty cells", "a,b,c\n,,\n", [["a", "b", "c"], ["", "", ""]]],
    ["blank lines skipped", "a\n\n1\n\n", [["a"], ["1"]]],
    ["trailing spaces kept", 'a\n"Iraq "\n', [["a"], ["Iraq "]]],
    ["empty quoted cell", 'a,b\n"",x\n', [["a", "b"], ["", "x"]]],
  ])("%s", (_name, text, expected) => {
    expect(parseCsv(text, "t.csv").problems).toEqual([]);
    expect(values(text)).toEqual(expected);
  });

  it("positions: a cell's line is where it starts (after embedded newlines), its column the field number", () => {
    const { table } = parseCsv('h1,h2,h3\n"a\nb",x,y\nlast,1,2\n', "t.csv");
    expect(table.records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(table.records[1]!.cells.map((c) => [c.line, c.column])).toEqual([[2, 1], [3, 2], [3, 3]]);
    expect(table.records[2]!.cells[2]).toEqual({ value: "2", line: 4, column: 3 });
  });

  it("bad quoting: every problem with its line and field number, never a throw", () => {
    expect(codes('a,b\n1,"open\n')).toEqual([["CSV_UNTERMINATED_QUOTE", 2, 2]]);
    expect(codes('a,b\n"x"y,2\n3,4"\n')).toEqual([["CSV_TEXT_AFTER_QUOTE", 2, 1], ["CSV_STRAY_QUOTE", 3, 2]]);
  });

  it("delimiter: comma unless the header holds more semicolons or tabs (outside quotes)", () => {
    expect(detectDelimiter("a;b;c\n1;2;3")).toBe(";");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter('"x;y;z",b\n')).toBe(",");
    expect(values("a;b\n1,5;2\n")).toEqual([["a", "b"], ["1,5", "2"]]);
  });

  it("property: any table of any Unicode cells, written with RFC 4180 quoting (LF or CRLF), parses back to itself", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 12 }).map((s) => s.replace(/\uFEFF/g, ""));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (width, rows, crlf) => {
        const table = rows.map((r) => r.slice(0, width));
        const quote = (s: string) => (/[",\r\n]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s);
        const text = table.map((r) => r.map(quote).join(",")).join(crlf ? "\r\n" : "\n");
        const parsed = parseCsv(text, "t.csv", ",");
        expect(parsed.problems).toEqual([]);
        expect(parsed.table.records.map((r) => r.cells.map((c) => c.value))).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it("property: arbitrary text never throws, and every problem has a line and column inside the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", " ", "é") , maxLength: 40 }), (text) => {
        const { problems } = parseCsv(text, "t.csv");
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
