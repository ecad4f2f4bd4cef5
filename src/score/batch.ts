import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { ownString, ownText, SharedStrings } from "./own-string.js";
import { rubricKey } from "./agency-result.js";
import { competitionRanks } from "./rank.js";
import { checkFilters, matchesFilters, type AgencyFilter } from "./filter.js";
import { KeptAgencies } from "./kept-agencies.js";
import { compareValues, listingOrder } from "./listing-order.js";
import { RollupAccumulator, type Rollup } from "./rollup.js";
import type { AgencyList, AgencyResult, FileOutcome, RubricTable } from "./types.js";

export type { AgencyList, RankedAgency } from "./types.js";

/** One group of a `--group-by` roll-up. */
export interface GroupRollup {
  /** The group's value; null for agencies without the key. */
  value: string | null;
  /** Rank of the group by mean index (competition ranking). */
  rank: number;
  rollup: Rollup;
}

/** The scored batch: what every batch renderer draws. */
export interface Batch {
  /** The rubric every agency was scored with; null when none was scored. */
  rubric: Rubric | null;
  /** Input files (after expanding directories and globs). */
  files: number;
  /** Agencies in the batch (after --filter). */
  agencies: number;
  /**
   * The agencies listed: ranked, sorted by --sort, cut by --top. Empty when streamed (ndjson). Read from
   * the batch's columns: each agency is a new object as it is read.
   */
  results: AgencyList;
  errors: Problem[];
  summary: Rollup | null;
  groupBy: string | null;
  /** Groups by mean index, highest first. */
  groups: GroupRollup[];
}

/** What `collect` needs besides the outcomes. */
export interface BatchOptions {
  filters: readonly AgencyFilter[];
  groupBy?: string;
  /** Keep every agency for the ranked list (false when streaming: memory stays flat). */
  keepResults: boolean;
  /**
   * The last input file. No file after it can repeat its ids: when it checks its own (a table), its
   * ids are looked up in the duplicate check but not added (200,000 rows: 7 MB less at the peak).
   */
  lastInput?: string;
  /** Where a duplicate's agency id is (file, document) → position; line 1 when absent. */
  locateAgencyId?: (file: string, document: number) => { line: number; column: number };
  /** Called with each agency accepted into the batch, in input order (ndjson streaming). */
  onAgency?: (agency: AgencyResult, rubric: Rubric) => void;
  /** Called with each new problem, in input order. */
  onProblem?: (problem: Problem) => void;
}

const NOTHING_BELOW: number[] = [];

/** Builds a batch from file outcomes delivered in input order; constant memory apart from the kept results. */
export class BatchCollector {
  private rubric: Rubric | null = null;
  private files = 0;
  private seq = 0;
  /** The agencies kept for the listing (made with the batch's rubric, when results are kept). */
  private kept: KeptAgencies | undefined;
  private readonly errors: Problem[] = [];
  /** Where each agency id was first: the file, or (a document after the first) a number for file and document. */
  private readonly seen = new Map<string, string | number>();
  private readonly multiDocumentFiles: string[] = [];
  /** Every group key some agency has: a --group-by or --filter key none has is likely misspelt. */
  readonly groupKeys = new Set<string>();
  private all: RollupAccumulator | null = null;
  private readonly groups = new Map<string | null, RollupAccumulator>();
  /** One copy of each group set of the kept results (their other repeated values are coded by the columns). */
  private readonly shared = new SharedStrings();

  constructor(
    private readonly rubrics: RubricTable,
    private readonly options: BatchOptions,
  ) {}

  /** Problems found before scoring (paths that do not exist). */
  addProblems(problems: readonly Problem[]): void {
    for (const p of problems) this.problem(p);
  }

  private problem(p: Problem): void {
    const { path: _path, atKey: _atKey, ...plain } = p;
    this.errors.push(plain);
    this.options.onProblem?.(plain);
  }

  /**
   * Whether taking `outcomes`, in turn, could report an agency as a duplicate (an id already in the
   * batch, or twice among them): only then is `locateAgencyId` called. A batch loads the full path for that alone.
   */
  mayRepeatAnId(outcomes: readonly FileOutcome[]): boolean {
    let ids: Set<string> | undefined;
    for (const outcome of outcomes) {
      for (const agency of outcome.agencies) {
        if (this.seen.has(agency.id) || ids?.has(agency.id) === true) return true;
        (ids ??= new Set()).add(agency.id);
      }
    }
    return false;
  }

  /** Takes one file's outcome. */
  add(outcome: FileOutcome): void {
    if (outcome.more !== true) this.files++;
    for (const p of outcome.problems) this.problem(p);
    for (const scored of outcome.agencies) {
      // The agency is kept as it came (no copy per agency: a batch's memory is mostly these); the
      // criteria below target are counted below, then dropped.
      const agency: AgencyResult = scored;
      const belowTarget = scored.belowTarget;
      scored.belowTarget = NOTHING_BELOW;
      agency.seq = this.seq++;
      const rubric = this.rubrics.get(agency.rubric);
      if (rubric === undefined) continue;
      if (this.rubric === null) {
        checkFilters(this.options.filters, rubric);
        this.rubric = rubric;
        if (this.options.keepResults) this.kept = new KeptAgencies(rubric.dimensions.length);
        this.all = new RollupAccumulator(rubric);
      } else if (agency.rubric !== rubricKey(this.rubric)) {
        this.problem({ code: "RUBRIC_MIXED", severity: "error", message: `scored with rubric ${agency.rubric}, but the batch uses ${rubricKey(this.rubric)}`, hint: "a batch compares agencies on one rubric: pass --rubric to score every file with it, or score the files separately", file: agency.file, line: 1, column: 1, ...(agency.document > 0 ? { document: agency.document } : {}) });
        continue;
      }
      // A table's scorer hands over ids and names of their own already (its duplicate check keeps the ids).
      if (outcome.owned !== true) agency.id = ownString(agency.id);
      const first = this.seen.get(agency.id);
      if (first !== undefined) {
        const at = this.options.locateAgencyId?.(agency.file, agency.document) ?? { line: 1, column: 1 };
        this.problem({ code: "DUPLICATE_AGENCY", severity: "error", message: `agency \`${agency.id}\` is already in the batch (${this.placeText(first)}); this one is left out`, hint: "an agency appears once in a batch; to follow one agency over time, use `egov-maturity compare`", file: agency.file, ...at, ...(agency.document > 0 ? { document: agency.document } : {}) });
        continue;
      }
      if (outcome.idsChecked !== true || outcome.file !== this.options.lastInput) this.seen.set(agency.id, this.place(agency));
      for (const key of Object.keys(agency.groups)) if (!this.groupKeys.has(key)) this.groupKeys.add(ownString(key));
      if (!matchesFilters(agency, this.options.filters, rubric)) continue;
      this.all!.add(agency, belowTarget);
      if (this.options.groupBy !== undefined) {
        const value = agency.groups[this.options.groupBy] ?? null;
        let group = this.groups.get(value);
        if (group === undefined) {
          group = new RollupAccumulator(rubric);
          this.groups.set(value, group);
        }
        group.add(agency, belowTarget);
      }
      this.options.onAgency?.(agency, rubric);
      this.kept?.add(this.compact(agency, outcome.file, outcome.owned === true));
    }
  }

  /**
   * What is kept of an agency: its strings of their own (see own-string.ts) and its repeated values
   * shared; the columns (kept-agencies.ts) code the repeated values and hold the rest.
   */
  private compact(agency: AgencyResult, file: string, owned: boolean): AgencyResult {
    agency.file = agency.file === file ? file : agency.file;
    if (agency.name !== undefined && !owned) agency.name = ownText(agency.name);
    agency.groups = this.shared.groupSet(agency.groups);
    return agency;
  }

  /** An agency's place, small: a table's 200,000 rows must not cost a string each. */
  private place(agency: AgencyResult): string | number {
    if (agency.document === 0) return agency.file;
    let f = this.multiDocumentFiles.lastIndexOf(agency.file);
    if (f < 0 && this.multiDocumentFiles.length < 1024) f = this.multiDocumentFiles.push(agency.file) - 1;
    return f >= 0 && agency.document < 2 ** 20 ? f * 2 ** 20 + agency.document : `${agency.file}, document ${agency.document + 1}`;
  }

  private placeText(place: string | number): string {
    if (typeof place === "string") return place;
    return `${this.multiDocumentFiles[Math.floor(place / 2 ** 20)]!}, document ${(place % 2 ** 20) + 1}`;
  }

  /** The finished batch: ranked, sorted by `sort`, cut to `top`. */
  finish(sort: string = "rank", top?: number, lang = "en"): Batch {
    const rubric = this.rubric;
    let results: AgencyList = [];
    if (this.kept !== undefined && rubric !== null) {
      this.kept.rankRows();
      const order = listingOrder(this.kept, sort, rubric, lang);
      results = this.kept.list(top === undefined ? order : order.subarray(0, top));
    }
    const groupList = [...this.groups.entries()].map(([value, acc]) => ({ value, rollup: acc.result(5) }));
    const groupRanks = competitionRanks(groupList.map((g) => g.rollup.index.mean));
    const groups: GroupRollup[] = groupList
      .map((g, i) => ({ ...g, rank: groupRanks[i]! }))
      .sort((a, b) => a.rank - b.rank || compareValues(a.value, b.value));
    return {
      rubric,
      files: this.files,
      agencies: this.all?.result().agencies ?? 0,
      results,
      errors: this.errors,
      summary: this.all?.result() ?? null,
      groupBy: this.options.groupBy ?? null,
      groups,
    };
  }
}
