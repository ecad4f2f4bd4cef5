// The fast path's read (io/fast-read.ts): a non-ASCII file goes to the fast readers as its bytes, one
// Latin-1 character each, and only its scalars are decoded. The readers must give from the bytes
// exactly what they give from the decoded text (or decline), and the byte pass must find every
// character the readers refuse.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_HIGH_RUNS, readTextFast } from "../../src/io/fast-read.js";
import { fastParseJson } from "../../src/io/fast-json.js";
import { fastParseYaml } from "../../src/io/fast-yaml.js";
import { REFUSED_CHARS } from "../../src/io/fast-yaml-scalars.js";

const dir = mkdtempSync(join(tmpdir(), "egov-fast-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes `content` to a new file and reads it back as the fast path does. */
function readBack(content: string | Buffer) {
  const file = join(dir, `f${n++}.yaml`);
  writeFileSync(file, content);
  return readTextFast(file);
}

const asBytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");

describe("readTextFast", () => {
  it("gives ASCII as text, other UTF-8 as bytes, without a byte-order mark", () => {
    expect(readBack("a: 1\n")).toEqual({ text: "a: 1\n", bytes: false, clean: true });
    expect(readBack("\uFEFFname: مديرية\r\n")).toEqual({ text: asBytes("name: مديرية\r\n"), bytes: true, clean: true, highFrom: 6, highTo: 17, highRuns: Int32Array.of(6, 17) });
  });

  it("finds every character the fast readers refuse, in one pass over the bytes", () => {
    for (const bad of ["\t", "\u0000", "\u0008", "\u000b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f", "\u2028", "\u2029", "\uFEFF", "\r", "\rx"]) {
      const read = readBack(`a: x${bad}y\n`);
      expect(read?.clean, JSON.stringify(bad)).toBe(false);
      // Not clean: the decoded text, so the readers' own check sees the character and declines.
      expect(read?.bytes, JSON.stringify(bad)).toBe(false);
      expect(fastParseYaml(read!.text), JSON.stringify(bad)).toBeUndefined();
    }
    for (const good of ["\u00a0", "é", "م", "\u2027", "\u202a", "\uFEFE", "😀", "\r\n"]) expect(readBack(`a: x${good}y\n`)?.clean, JSON.stringify(good)).toBe(true);
  });

  it("leaves invalid UTF-8 to the full path", () => {
    expect(readBack(Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0x0a]))).toBeUndefined();
  });
});

describe("the fast readers on bytes", () => {
  const clean = { bytes: true, clean: true };
  /** From the bytes, the readers decline or give what they give from the text. */
  const sameFromBytes = (text: string) => {
    if (REFUSED_CHARS.test(text) || /\r(?!\n)/.test(text)) return;
    const fromBytes = fastParseYaml(asBytes(text), clean);
    if (fromBytes !== undefined) expect(fromBytes, JSON.stringify(text)).toEqual(fastParseYaml(text));
    const jsonFromBytes = fastParseJson(asBytes(text), clean);
    if (jsonFromBytes !== undefined) expect(jsonFromBytes, JSON.stringify(text)).toEqual(fastParseJson(text));
  };

  it("decode keys and values in block, flow, quoted, literal and JSON forms", () => {
    const yaml = 'مفتاح: قيمة\nb: {"اسم": "ن", c: [é, "😀"]}\nc: \'it\'\'s مـ\'\nd: |\n  سطر\n  line\ne: &a مرساة\nf: *a\n';
    expect(fastParseYaml(asBytes(yaml), clean)).toEqual(fastParseYaml(yaml));
    expect(fastParseYaml(yaml)).toEqual([{ مفتاح: "قيمة", b: { اسم: "ن", c: ["é", "😀"] }, c: "it's مـ", d: "سطر\nline\n", e: "مرساة", f: "مرساة" }]);
    const json = JSON.stringify({ agency: { id: "x", name: { ar: "الجهة" } }, answers: { "é.ü": { notes: "ملاحظة \"q\"" } } });
    expect(fastParseJson(asBytes(json), clean)).toEqual(fastParseJson(json));
  });

  it("decode the scalars of exactly the lines that hold non-ASCII bytes, wherever they stand", () => {
    // ASCII lines before and after; a literal whose last line alone is Arabic; a sequence item
    // (`- ` is cut off its line); a flow map on an ASCII line after an Arabic one; an alias to an Arabic anchor.
    const yaml = "a: x\nb: |\n  one\n  two\n  ثلاثة\nc:\n  - y\n  - م\n  - &n {k: ن}\nd: {z: \"w\"}\ne: *n\nf: - x\n".replace("f: - x\n", "f: q\n");
    expect(fastParseYaml(yaml)).toEqual([{ a: "x", b: "one\ntwo\nثلاثة\n", c: ["y", "م", { k: "ن" }], d: { z: "w" }, e: { k: "ن" }, f: "q" }]);
    expect(fastParseYaml(asBytes(yaml), clean)).toEqual(fastParseYaml(yaml));
    // Every line alone non-ASCII, in turn: each is decoded, the others left as they are.
    const lines = ["k1: v1", "k2: [v2, \"v3\"]", "k3:", "  - v4", "k4: |-", "  v5", "k5: {\"v6\": v7}"];
    for (let i = 0; i < lines.length; i++) {
      const text = `${lines.map((l, k) => (k === i ? l.replace(/v(\d)/g, "ق$1") : l)).join("\n")}\n`;
      expect(fastParseYaml(asBytes(text), clean), text).toEqual(fastParseYaml(text));
    }
  });

  it("decline an escaped non-ASCII character (it would be decoded twice); the text is then read", () => {
    expect(fastParseYaml(asBytes('a: "\\u00e9 م"\n'), clean)).toBeUndefined();
    expect(fastParseYaml('a: "\\u00e9 م"\n')).toEqual([{ a: "é م" }]);
    expect(fastParseJson(asBytes('{"a":"\\u00e9 م"}'), clean)).toBeUndefined();
    expect(fastParseYaml(asBytes('a: "\\u0041 م"\n'), clean)).toEqual([{ a: "A م" }]);
  });

  it("read from a file, give what they give from its decoded text: the read's first and last non-ASCII byte bound the lines decoded (property)", () => {
    const line = fc.array(fc.constantFrom("k: v", "- x", "m: [a, \"b\"]", "n: {c: d}", "q: 'é'", "r: م", "s: |", "  ن ق", "  t", "u: &a ع", "w: *a", "# ف", ""), { maxLength: 10 });
    fc.assert(
      fc.property(line, fc.boolean(), (lines, bom) => {
        const text = `${lines.join("\n")}\n`;
        const read = readBack(`${bom ? "\uFEFF" : ""}${text}`)!;
        const high = [...Buffer.from(text, "utf8")].flatMap((b, i) => (b > 0x7f ? [i] : []));
        expect(read.bytes).toBe(high.length > 0);
        if (read.bytes) expect([read.highFrom, read.highTo]).toEqual([high[0], high.at(-1)]);
        // The runs: first and last offset of each stretch of consecutive non-ASCII bytes.
        const runs: number[] = [];
        for (const i of high) {
          if (runs.length > 0 && runs.at(-1) === i - 1) runs[runs.length - 1] = i;
          else runs.push(i, i);
        }
        if (read.bytes) expect([...read.highRuns!]).toEqual(runs);
        const fromBytes = fastParseYaml(read.text, read);
        if (fromBytes !== undefined) expect(fromBytes, text).toEqual(fastParseYaml(text));
      }),
      { numRuns: 300 },
    );
  });

  it("past the most runs of non-ASCII bytes a read notes, still decode every line that holds one", () => {
    // Every line a run of its own, but for the ASCII lines between them.
    const lines = Array.from({ length: 2 * MAX_HIGH_RUNS + 10 }, (_, i) => (i % 2 === 0 ? `k${i}: ق${i}` : `k${i}: v${i}`));
    const text = `${lines.join("\n")}\n`;
    const read = readBack(text)!;
    expect(read.bytes).toBe(true);
    expect(read.highRuns).toBeUndefined();
    expect(fastParseYaml(read.text, read)).toEqual(fastParseYaml(text));
    const few = readBack(`${lines.slice(0, 30).join("\n")}\n`)!;
    expect(few.highRuns?.length).toBe(30);
    expect(fastParseYaml(few.text, few)).toEqual(fastParseYaml(`${lines.slice(0, 30).join("\n")}\n`));
  });

  it("never disagree with the readers on the text, on generated text in any script", () => {
    const word = fc.oneof(fc.constantFrom("a", "é", "م", "ن ق", "😀", "-", "- ", "#", " #c", ": ", ":", "&a", "*a", "|", '"', "'", "{", "}", "[", "]", ",", '"k":', "\\u00e9", "\\n", "  "), fc.string({ unit: "grapheme", maxLength: 4 }));
    const line = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.array(word, { maxLength: 6 })).map(([indent, words]) => `${" ".repeat(indent)}${words.join("")}`);
    const doc = fc.array(fc.oneof(line, fc.constantFrom("k: |", "- |", "x: &a م", "y: *a", "  ن", "")), { maxLength: 8 }).map((lines) => `${lines.join("\n")}\n`);
    fc.assert(fc.property(doc, sameFromBytes), { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) });
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ k: v }));
    fc.assert(fc.property(json, sameFromBytes), { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) });
  });
});

describe("isClean, four bytes at a time", () => {
  /** The byte-by-byte reference: what the fast readers refuse (see fast-read.ts). */
  function reference(bytes: Uint8Array, start: number): boolean {
    for (let i = start; i < bytes.length; i++) {
      const c = bytes[i]!;
      if ((c >= 0x20 && c < 0x7f) || c === 10) continue;
      if (c === 13) {
        if (bytes[i + 1] !== 10) return false;
        continue;
      }
      if (c < 0x80) return false;
      if (c === 0xc2 && bytes[i + 1]! < 0xa0) return false;
      if (c === 0xe2 && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9)) return false;
      if (c === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) return false;
    }
    return true;
  }

  it("agrees with the byte-by-byte check on any bytes, start and alignment (property)", async () => {
    const { isClean } = await import("../../src/io/fast-read.js");
    // Mostly printable text, with line ends, controls, DEL and the lead bytes of the refused sequences.
    const byte = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, fc.constantFrom(0x0a, 0x0d, 0x00, 0x09, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xa8, 0xa9, 0xbb, 0xbf, 0xc2, 0xe2, 0xef, 0xff));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 64 }), fc.nat(7), fc.nat(5), (list, offset, start) => {
        const backing = new Uint8Array(list.length + offset);
        backing.set(list, offset);
        const bytes = backing.subarray(offset);
        const from = Math.min(start, bytes.length);
        expect(isClean(bytes, from)).toBe(reference(bytes, from));
      }),
      { numRuns: 5000 },
    );
  });
});
