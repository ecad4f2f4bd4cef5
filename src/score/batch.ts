import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { localise } from "../core/text.js";
import { ownString, ownText, SharedStrings } from "./own-string.js";
import { rubricKey } from "./agency-result.js";
import { competitionRanks, compareDesc } from "./rank.js";
import { checkFilters, matchesFilters, type AgencyFilter } from "./filter.js";
import { RollupAccumulator, type Rollup } from "./rollup.js";
import type { AgencyResult, FileOutcome, RubricTable } from "./types.js";

/** An agency of the batch with its rank (standard competition ranking by index). */
export interface RankedAgency extends AgencyResult {
  rank: number;
}

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
  /** The agencies listed: ranked, sorted by --sort, cut by --top. Empty when streamed (ndjson). */
  results: RankedAgency[];
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
  /** Where a duplicate's agency id is (file, document) → position; line 1 when absent. */
  locateAgencyId?: (file: string, document: number) => { line: number; column: number };
  /** Called with each agency accepted into the batch, in input order (ndjson streaming). */
  onAgency?: (agency: AgencyResult, rubric: Rubric) => void;
  /** Called with each new problem, in input order. */
  onProblem?: (problem: Problem) => void;
}

const NOTHING_BELOW: number[] = [];

const NO_GATES: AgencyResult["blockedBy"] = [];

/** Builds a batch from file outcomes delivered in input order; constant memory apart from the kept results. */
export class BatchCollector {
  private rubric: Rubric | null = null;
  private files = 0;
  private seq = 0;
  private readonly kept: RankedAgency[] = [];
  private readonly errors: Problem[] = [];
  /** Where each agency id was first: the file, or (a document after the first) a number for file and document. */
  private readonly seen = new Map<string, string | number>();
  private readonly multiDocumentFiles: string[] = [];
  /** Every group key some agency has: a --group-by or --filter key none has is likely misspelt. */
  readonly groupKeys = new Set<string>();
  private all: RollupAccumulator | null = null;
  private readonly groups = new Map<string | null, RollupAccumulator>();
  /** One copy of each repeated value of the kept results (rubric key, stage and class ids, groups). */
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
      this.seen.set(agency.id, this.place(agency));
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
      if (this.options.keepResults) this.kept.push(this.compact(agency, outcome.file, outcome.owned === true));
    }
  }

  /**
   * A kept result, small: one object of a fixed shape (every field in the object itself, `rank` too),
   * its repeated values shared (see `strings`), its dimension scores unboxed when none is null, its
   * groups without a prototype.
   */
  private compact(agency: AgencyResult, file: string, owned: boolean): RankedAgency {
    let dimensions = agency.dimensions;
    if (!dimensions.includes(null)) {
      // Allocated at its length and filled, the array stores the numbers as doubles in place (not one
      // box each, as a worker's copy does) and without the slack that pushing leaves.
      dimensions = new Array<number>(agency.dimensions.length);
      for (let i = 0; i < dimensions.length; i++) dimensions[i] = agency.dimensions[i]!;
    }
    return {
      seq: agency.seq,
      file: agency.file === file ? file : agency.file,
      document: agency.document,
      rubric: this.shared.string(agency.rubric),
      id: agency.id,
      name: agency.name === undefined || owned ? agency.name : ownText(agency.name),
      groups: this.shared.groupSet(agency.groups),
      index: agency.index,
      classification: this.shared.string(agency.classification),
      stage: this.shared.string(agency.stage),
      next: this.shared.string(agency.next),
      blockedBy: agency.blockedBy.length === 0 ? NO_GATES : agency.blockedBy,
      pendingGates: agency.pendingGates.length === 0 ? NO_GATES : agency.pendingGates,
      dimensions,
      indexExact: agency.indexExact,
      weakest: this.shared.string(agency.weakest),
      rank: 0,
    };
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
    const ranks = competitionRanks(this.kept.map((a) => a.index), this.kept.map((a) => a.indexExact));
    // Ranked in place: a copy of every result would double the batch's memory.
    const ranked = this.kept;
    ranked.forEach((a, i) => (a.rank = ranks[i]!));
    if (rubric !== null) ranked.sort(sorter(sort, rubric, lang));
    const groupList = [...this.groups.entries()].map(([value, acc]) => ({ value, rollup: acc.result(5) }));
    const groupRanks = competitionRanks(groupList.map((g) => g.rollup.index.mean));
    const groups: GroupRollup[] = groupList
      .map((g, i) => ({ ...g, rank: groupRanks[i]! }))
      .sort((a, b) => a.rank - b.rank || compareValues(a.value, b.value));
    return {
      rubric,
      files: this.files,
      agencies: this.all?.result().agencies ?? 0,
      results: top === undefined ? ranked : ranked.slice(0, top),
      errors: this.errors,
      summary: this.all?.result() ?? null,
      groupBy: this.options.groupBy ?? null,
      groups,
    };
  }
}

function compareValues(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The names `--sort` accepts besides dimension ids. */
export const SORT_KEYS = ["rank", "name", "id", "stage", "file"] as const;

/** The order of the listed agencies: by rank (ties by id), or by a key (then rank). */
function sorter(sort: string, rubric: Rubric, lang: string): (a: RankedAgency, b: RankedAgency) => number {
  const byRank = (a: RankedAgency, b: RankedAgency) => a.rank - b.rank || compareValues(a.id, b.id) || a.seq - b.seq;
  const fallback = rubric.languages[0] ?? "en";
  const stageOrder = rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
  const dim = rubric.dimensions.findIndex((d) => d.id === sort);
  switch (sort) {
    case "name": {
      const collator = new Intl.Collator(lang);
      return (a, b) => collator.compare(localise(a.name ?? a.id, lang, fallback), localise(b.name ?? b.id, lang, fallback)) || byRank(a, b);
    }
    case "id":
      return (a, b) => compareValues(a.id, b.id) || a.seq - b.seq;
    case "file":
      return (a, b) => a.seq - b.seq;
    case "stage":
      return (a, b) => (b.stage === null ? -1 : stageOrder.indexOf(b.stage)) - (a.stage === null ? -1 : stageOrder.indexOf(a.stage)) || byRank(a, b);
    default:
      if (dim >= 0) return (a, b) => compareDesc(a.dimensions[dim] ?? null, b.dimensions[dim] ?? null) || byRank(a, b);
      return byRank;
  }
}
