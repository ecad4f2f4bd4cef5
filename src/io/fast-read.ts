/**
 * The fast path's file read: one read into a reused buffer, the UTF-8 check done natively, and the
 * text handed to the fast readers without decoding it. Decoding is what costs: V8 turns a file that is
 * ASCII but for a few characters (an `init` template's dashes, an Arabic name) into a two-byte string,
 * slowly, and above 64 K characters into a large object that only a full garbage collection frees.
 * So a file that is not pure ASCII is passed as a byte string (each byte one Latin-1 character, a
 * plain copy): every YAML and JSON indicator is ASCII and reads the same, and the fast readers decode
 * only the scalars that hold other bytes (`decodeBytes`). The pass that looks for bytes above 0x7F
 * also finds the characters the fast readers refuse, so their own check of the text is skipped.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { LIMITS } from "./yaml-limits.js";

/** What `readTextFast` read: the text, or its bytes as a Latin-1 string when it is clean but not ASCII. */
export interface FastText {
  text: string;
  /** `text` holds UTF-8 bytes, one per character (see the module comment); else it is the decoded text. */
  bytes: boolean;
  /** No character the fast readers refuse (see fast-yaml-scalars.ts REFUSED_CHARS), no lone CR. */
  clean: boolean;
  /**
   * Of a byte string (`bytes`): the offsets in `text` of its first and last byte above 0x7F, found by
   * the pass that checks it (no other scan): every such byte lies between them.
   */
  highFrom?: number;
  highTo?: number;
  /**
   * And where they are, when they are few: the first and last offset of each run of them, in pairs
   * (at most {@link MAX_HIGH_RUNS} runs; undefined when there are more).
   */
  highRuns?: Int32Array;
}

/** The most runs of bytes above 0x7F a read notes (an `init` template has some 30; an Arabic name, a few). */
export const MAX_HIGH_RUNS = 256;

/**
 * Where `isClean` last found bytes above 0x7F: the first and last offset (-1: none), and each run of
 * them (`runs`, pairs of offsets, `count` of them; `overflow` past MAX_HIGH_RUNS).
 */
const high = { first: -1, last: -1, runs: new Int32Array(2 * MAX_HIGH_RUNS), count: 0, overflow: false };

/** The runs `isClean` noted, from `start` on, as offsets from `start`; undefined when there were too many. */
function highRuns(start: number): Int32Array | undefined {
  if (high.overflow) return undefined;
  const runs = high.runs.slice(0, 2 * high.count);
  if (start !== 0) for (let k = 0; k < runs.length; k++) runs[k] = runs[k]! - start;
  return runs;
}

/** One buffer for every file this thread reads on the fast path: no allocation (and no GC) per file. */
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/**
 * A regular file for the fast path, in one read: valid UTF-8 without a NUL byte and within the size
 * cap, else undefined (then `readTextFile` reads it again and words the problem). A byte-order mark is
 * dropped. A NUL byte is valid UTF-8: it is a refused character, and the full path words it.
 */
export function readTextFast(file: string): FastText | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > LIMITS.maxFileBytes) return undefined;
    if (stat.size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(stat.size, scratch.length * 2));
    let n = 0;
    // The size fstat gave, as readFileSync reads it: no further read to find the end (one system call less per file).
    for (let got = 1; got > 0 && n < stat.size; n += got) got = readSync(fd, scratch, n, stat.size - n, null);
    if (n !== stat.size) return undefined;
    const bytes = scratch.subarray(0, n);
    const ascii = isAscii(bytes);
    if (!ascii && !isUtf8(bytes)) return undefined;
    const start = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    if (isClean(bytes, start)) {
      const text = scratch.toString("latin1", start, n);
      // A byte-order mark alone above 0x7F: the text is ASCII.
      if (ascii || high.first < 0) return { text, bytes: false, clean: true };
      const read: FastText = { text, bytes: true, clean: true, highFrom: high.first - start, highTo: high.last - start };
      const runs = highRuns(start);
      if (runs !== undefined) read.highRuns = runs;
      return read;
    }
    // A refused character: the fast readers will decline; they need the decoded text to see it.
    return { text: scratch.toString(ascii ? "latin1" : "utf8", start, n), bytes: false, clean: false };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * No refused character in valid UTF-8 `bytes` from `start` on: C0 controls other than LF (and CR
 * before LF), DEL, C1 controls (C2 80–9F), U+2028/2029 (E2 80 A8/A9), U+FEFF (EF BB BF). Four bytes
 * at a time where they are all printable ASCII (nearly every word of a file); a word with any other
 * byte (a line end, non-ASCII text) is looked at byte by byte. Notes the bytes above 0x7F it passes:
 * the first, the last and the runs of them (`high`).
 */
export function isClean(bytes: Uint8Array, start: number): boolean {
  const n = bytes.length;
  let i = start;
  high.first = -1;
  high.last = -1;
  high.count = 0;
  high.overflow = false;
  const words = (bytes.byteOffset & 3) === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, n >>> 2) : undefined;
  while (i < n) {
    if (words !== undefined && (i & 3) === 0 && i + 4 <= n) {
      const w = words[i >>> 2]!;
      // No byte below 0x20 and none above 0x7E (bit tricks on the four bytes at once): all printable.
      if (((((w - 0x20202020) & ~w) | ((w + 0x01010101) | w)) & 0x80808080) === 0) {
        i += 4;
        continue;
      }
    }
    const c = bytes[i]!;
    if (!(c >= 0x20 && c < 0x7f) && c !== 10) {
      if (c === 13) {
        if (bytes[i + 1] !== 10) return false;
      } else if (c < 0x80) return false;
      else {
        if (high.first < 0) high.first = i;
        // A run goes on where the last one ended on the byte before; else a new one starts.
        if (high.count > 0 && high.last === i - 1) high.runs[2 * high.count - 1] = i;
        else if (high.count < MAX_HIGH_RUNS) {
          high.runs[2 * high.count] = i;
          high.runs[2 * high.count + 1] = i;
          high.count++;
        } else high.overflow = true;
        high.last = i;
        if (c === 0xc2 && bytes[i + 1]! < 0xa0) return false;
        if (c === 0xe2 && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9)) return false;
        if (c === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) return false;
      }
    }
    i++;
  }
  return true;
}

/** UTF-8 bytes held one per character (a Latin-1 string) as the text they encode. */
export function decodeBytes(text: string): string {
  return Buffer.from(text, "latin1").toString("utf8");
}

/** Whether a string of bytes holds any byte above 0x7F (then it needs `decodeBytes`). */
export function hasHighBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}
