/**
 * Columns of a batch's kept results (score/kept-agencies.ts): values appended row after row and read
 * back by row, in blocks of {@link BLOCK_ROWS} rows. A block is made when its first row is written,
 * so a column never copies what it holds to grow, and has at most one block of slack.
 */

const BLOCK_BITS = 12;
/** Rows per block. */
export const BLOCK_ROWS = 1 << BLOCK_BITS;
const ROW_IN_BLOCK = BLOCK_ROWS - 1;

/** `width` numbers a row, as doubles (8 bytes each, no box): the scores, the exact index's parts, positions. */
export class NumberRows {
  private readonly blocks: Float64Array[] = [];
  private written = 0;

  constructor(readonly width: number) {}

  /** Appends the next number: the rows are filled in order, `width` numbers each. */
  push(value: number): void {
    const row = Math.floor(this.written / this.width);
    const b = row >>> BLOCK_BITS;
    if (b === this.blocks.length) this.blocks.push(new Float64Array(BLOCK_ROWS * this.width));
    this.blocks[b]![(row & ROW_IN_BLOCK) * this.width + (this.written % this.width)] = value;
    this.written++;
  }

  /** The `k`-th number of row `row`. */
  get(row: number, k: number): number {
    return this.blocks[row >>> BLOCK_BITS]![(row & ROW_IN_BLOCK) * this.width + k]!;
  }
}

/** Past this many distinct values a column stops coding them and holds each row's value. */
const MAX_CODES = 1 << 16;

/**
 * One value a row, of any type. A column of few distinct values (a stage id, the rubric's key, a
 * table's file name, a shared group set) stores a 2-byte code a row and each value once, told apart
 * as a Map tells keys apart (strings by their characters, objects by identity); past
 * {@link MAX_CODES} distinct values, or when made `plain`, it holds a reference a row (8 bytes).
 */
export class ValueColumn<T> {
  /** The distinct values, by code; undefined once plain. */
  private values: T[] | undefined = [];
  private codeOf: Map<T, number> | undefined = new Map();
  private codes: Uint16Array[] = [];
  private plain: T[][] | undefined;
  private rows = 0;
  /** The last value coded and its code (-1: none): consecutive rows (a file's agencies) often share a value. */
  private lastValue: T | undefined;
  private lastCode = -1;

  constructor(plain = false) {
    if (plain) this.makePlain();
  }

  /** Appends the next row's value. */
  push(value: T): void {
    const row = this.rows++;
    const b = row >>> BLOCK_BITS;
    if (this.plain !== undefined) {
      if (b === this.plain.length) this.plain.push(new Array<T>(BLOCK_ROWS));
      this.plain[b]![row & ROW_IN_BLOCK] = value;
      return;
    }
    let code = this.lastCode >= 0 && this.lastValue === value ? this.lastCode : this.codeOf!.get(value);
    if (code === undefined) {
      if (this.values!.length === MAX_CODES) {
        this.rows--;
        this.makePlain();
        this.push(value);
        return;
      }
      code = this.values!.push(value) - 1;
      this.codeOf!.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    if (b === this.codes.length) this.codes.push(new Uint16Array(BLOCK_ROWS));
    this.codes[b]![row & ROW_IN_BLOCK] = code;
  }

  /** Row `row`'s value. */
  get(row: number): T {
    const b = row >>> BLOCK_BITS;
    if (this.plain !== undefined) return this.plain[b]![row & ROW_IN_BLOCK]!;
    return this.values![this.codes[b]![row & ROW_IN_BLOCK]!]!;
  }

  /** From codes to a value a row: the rows written so far are copied, the codes and their table dropped. */
  private makePlain(): void {
    const plain: T[][] = [];
    for (let row = 0; row < this.rows; row++) {
      if ((row & ROW_IN_BLOCK) === 0) plain.push(new Array<T>(BLOCK_ROWS));
      plain[row >>> BLOCK_BITS]![row & ROW_IN_BLOCK] = this.get(row);
    }
    this.plain = plain;
    this.values = undefined;
    this.codeOf = undefined;
    this.codes = [];
    this.lastValue = undefined;
    this.lastCode = -1;
  }
}

/** What a row of a {@link PackedStrings} column holds. */
const TEXT = 0;
const NOTHING = 1;
const ASIDE = 2;
/** A block's strings are joined while they stay this short (far below V8's longest string). */
const MAX_BLOCK_CHARS = 1 << 26;

/**
 * One string a row (or another value, or undefined), the strings packed: those of a block of rows are
 * joined into one string, and each row keeps where its string ends (4 bytes) and what it holds (1
 * byte). A name of 14 characters costs 19 bytes instead of a string of its own and a reference (40).
 * Reading a row cuts its string out of its block's (a view of it, for V8, while it is used). Values
 * that are not strings, and strings that would make a block's text too long, are kept aside by row.
 */
export class PackedStrings<T extends object> {
  /** The joined strings of the blocks filled so far. */
  private readonly texts: string[] = [];
  /** The strings of the block being filled. */
  private pending: string[] = [];
  private readonly ends: Uint32Array[] = [];
  private readonly kinds: Uint8Array[] = [];
  private readonly aside = new Map<number, string | T>();
  private rows = 0;

  /** @param maxBlockChars the longest joined string of a block (a test makes it small). */
  constructor(private readonly maxBlockChars = MAX_BLOCK_CHARS) {}

  /** Appends the next row's value. */
  push(value: string | T | undefined): void {
    const row = this.rows++;
    const b = row >>> BLOCK_BITS;
    const i = row & ROW_IN_BLOCK;
    if (i === 0) {
      this.ends.push(new Uint32Array(BLOCK_ROWS));
      this.kinds.push(new Uint8Array(BLOCK_ROWS));
    }
    const start = i === 0 ? 0 : this.ends[b]![i - 1]!;
    let text = "";
    if (value === undefined) this.kinds[b]![i] = NOTHING;
    else if (typeof value === "string" && start + value.length <= this.maxBlockChars) text = value;
    else {
      this.kinds[b]![i] = ASIDE;
      this.aside.set(row, value);
    }
    this.pending.push(text);
    this.ends[b]![i] = start + text.length;
    if (i === ROW_IN_BLOCK) {
      this.texts.push(this.pending.join(""));
      this.pending = [];
    }
  }

  /** Row `row`'s value. */
  get(row: number): string | T | undefined {
    const b = row >>> BLOCK_BITS;
    const i = row & ROW_IN_BLOCK;
    const kind = this.kinds[b]![i];
    if (kind === NOTHING) return undefined;
    if (kind === ASIDE) return this.aside.get(row);
    if (b === this.texts.length) return this.pending[i];
    return this.texts[b]!.slice(i === 0 ? 0 : this.ends[b]![i - 1]!, this.ends[b]![i]);
  }
}
