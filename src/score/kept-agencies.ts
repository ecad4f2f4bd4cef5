import { parseKey, type Rational } from "../core/exact.js";
import type { LocalisedText } from "../core/text.js";
import { NumberRows, PackedStrings, ValueColumn } from "./columns.js";
import { rankRows } from "./rank.js";
import type { AgencyList, AgencyResult, BlockingGate, RankedAgency } from "./types.js";

/** The numbers of a row, in this order, then one score a dimension. */
const SEQ = 0;
const DOCUMENT = 1;
const INDEX = 2;
/** The exact index `n/d` as two doubles when both are whole numbers up to 2⁵³ (see `exact`). */
const EXACT_N = 3;
const EXACT_D = 4;
const DIMENSIONS = 5;

/** The gate list of an agency without one: one shared empty list. */
const NO_GATES: BlockingGate[] = [];

/**
 * The agencies a batch keeps for its listing, as columns: a row an agency, in the order they were
 * kept. Numbers are doubles in blocks (a null score is NaN: a score is never NaN, every formula
 * divides by a sum of positive weights), repeated values (rubric, file, stage and class ids, group
 * sets, empty gate lists) are 2-byte codes, names packed (a block's joined into one string), ids
 * references (the same strings as the duplicate checks'). About a third of the memory
 * of an object a row with its array of dimension scores, its boxed index and its exact-index string.
 * `agency(row)` gives back the object (a new one at each call) with every field it was kept with.
 */
export class KeptAgencies {
  private readonly numbers: NumberRows;
  private readonly file = new ValueColumn<string>();
  private readonly rubric = new ValueColumn<string>();
  private readonly classification = new ValueColumn<string | null>();
  private readonly stage = new ValueColumn<string | null>();
  private readonly next = new ValueColumn<string | null>();
  private readonly weakest = new ValueColumn<string | null>();
  private readonly groups = new ValueColumn<Readonly<Record<string, string>>>();
  private readonly blockedBy = new ValueColumn<BlockingGate[]>();
  private readonly pendingGates = new ValueColumn<BlockingGate[]>();
  private readonly ids = new ValueColumn<string>(true);
  private readonly names = new PackedStrings<Exclude<LocalisedText, string>>();
  /** Exact indices that are not two whole numbers up to 2⁵³ (or not written as such), by row. */
  private readonly otherExact = new Map<number, string>();
  private ranks: Int32Array | undefined;
  /** Rows kept. */
  count = 0;

  /** @param dimensions the rubric's dimensions: every agency has a score (or null) for each. */
  constructor(private readonly dimensions: number) {
    this.numbers = new NumberRows(DIMENSIONS + dimensions);
  }

  /** Keeps an agency as the next row (its strings as they are: make them strings of their own first). */
  add(agency: AgencyResult): void {
    if (agency.dimensions.length !== this.dimensions) throw new Error(`kept agency ${agency.id}: ${agency.dimensions.length} dimension scores, the batch's rubric has ${this.dimensions}`);
    const row = this.count++;
    const numbers = this.numbers;
    numbers.push(agency.seq);
    numbers.push(agency.document);
    numbers.push(agency.index ?? NaN);
    this.pushExact(row, agency.indexExact);
    for (const s of agency.dimensions) numbers.push(s ?? NaN);
    this.file.push(agency.file);
    this.rubric.push(agency.rubric);
    this.classification.push(agency.classification);
    this.stage.push(agency.stage);
    this.next.push(agency.next);
    this.weakest.push(agency.weakest);
    this.groups.push(agency.groups);
    this.blockedBy.push(agency.blockedBy.length === 0 ? NO_GATES : agency.blockedBy);
    this.pendingGates.push(agency.pendingGates.length === 0 ? NO_GATES : agency.pendingGates);
    this.ids.push(agency.id);
    this.names.push(agency.name);
  }

  /** Exact-index keys are `n/d` (core/exact.ts `key`); absent: NaN, NaN; another form: NaN, 0 and the string aside. */
  private pushExact(row: number, key: string | undefined): void {
    if (key === undefined) {
      this.numbers.push(NaN);
      this.numbers.push(NaN);
      return;
    }
    const slash = key.indexOf("/");
    const n = Number(key.slice(0, slash));
    const d = Number(key.slice(slash + 1));
    if (slash > 0 && Number.isSafeInteger(n) && Number.isSafeInteger(d) && d > 0 && `${n}/${d}` === key) {
      this.numbers.push(n);
      this.numbers.push(d);
      return;
    }
    this.numbers.push(NaN);
    this.numbers.push(0);
    this.otherExact.set(row, key);
  }

  /** Row `row` as the agency it was kept as, with its rank (0 before `rank()`): a new object each call. */
  agency(row: number): RankedAgency {
    const dimensions = new Array<number | null>(this.dimensions);
    for (let k = 0; k < this.dimensions; k++) dimensions[k] = this.dimension(row, k);
    // Every field in the object itself, in one order: one shape for every agency.
    return {
      seq: this.seq(row),
      file: this.file.get(row),
      document: this.numbers.get(row, DOCUMENT),
      rubric: this.rubric.get(row),
      id: this.ids.get(row),
      name: this.names.get(row),
      groups: this.groups.get(row),
      index: this.index(row),
      classification: this.classification.get(row),
      stage: this.stage.get(row),
      next: this.next.get(row),
      blockedBy: this.blockedBy.get(row),
      pendingGates: this.pendingGates.get(row),
      dimensions,
      indexExact: this.exactKey(row),
      weakest: this.weakest.get(row),
      rank: this.rank(row),
    };
  }

  seq(row: number): number {
    return this.numbers.get(row, SEQ);
  }

  id(row: number): string {
    return this.ids.get(row);
  }

  name(row: number): LocalisedText | undefined {
    return this.names.get(row);
  }

  stageOf(row: number): string | null {
    return this.stage.get(row);
  }

  index(row: number): number | null {
    const x = this.numbers.get(row, INDEX);
    return Number.isNaN(x) ? null : x;
  }

  /** The score of the `k`-th dimension (rubric order), or null. */
  dimension(row: number, k: number): number | null {
    const x = this.numbers.get(row, DIMENSIONS + k);
    return Number.isNaN(x) ? null : x;
  }

  /** The exact index's key as it was kept (`n/d`), or undefined. */
  exactKey(row: number): string | undefined {
    const d = this.numbers.get(row, EXACT_D);
    if (Number.isNaN(d)) return undefined;
    return d === 0 ? this.otherExact.get(row) : `${this.numbers.get(row, EXACT_N)}/${d}`;
  }

  /** The exact index as a rational (what parseKey makes of its key), or undefined. */
  exact(row: number): Rational | undefined {
    const d = this.numbers.get(row, EXACT_D);
    if (Number.isNaN(d)) return undefined;
    return d === 0 ? parseKey(this.otherExact.get(row)!) : { n: BigInt(this.numbers.get(row, EXACT_N)), d: BigInt(d) };
  }

  /** The row's rank, 0 until `rank()`. */
  rank(row: number): number {
    return this.ranks?.[row] ?? 0;
  }

  /** Ranks every row by index (standard competition ranking, ties decided on the exact index). */
  rankRows(): void {
    this.ranks = rankRows(
      this.count,
      (row) => this.index(row),
      (row) => this.exact(row),
    );
  }

  /** The rows in `order` as a list of agencies, each made as it is read. */
  list(order: Int32Array): AgencyList {
    return new ListedRows(this, order);
  }
}

/** Rows of a {@link KeptAgencies} in listing order, read as agencies one at a time. */
class ListedRows implements AgencyList {
  constructor(
    private readonly kept: KeptAgencies,
    private readonly order: Int32Array,
  ) {}

  get length(): number {
    return this.order.length;
  }

  at(i: number): RankedAgency | undefined {
    const at = i < 0 ? i + this.order.length : i;
    const row = this.order[at];
    return row === undefined ? undefined : this.kept.agency(row);
  }

  map<U>(f: (agency: RankedAgency, i: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.order.length; i++) out.push(f(this.kept.agency(this.order[i]!), i));
    return out;
  }

  *[Symbol.iterator](): Iterator<RankedAgency> {
    for (let i = 0; i < this.order.length; i++) yield this.kept.agency(this.order[i]!);
  }
}
