import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import type { LocalisedText } from "../core/text.js";

/** A failing gate of the next stage: the prerequisite, the minimum it needs and the score it has. */
export type BlockingGate = ({ dimension: string } | { criterion: string }) & {
  min: number;
  score: number | null;
};

/**
 * What the batch keeps of one scored agency: the numbers of `report` it ranks and rolls up, not the
 * whole report (no criteria, gaps or roadmap), so that a batch of any size stays small.
 */
export interface AgencyResult {
  /** Position in the batch: files in the order given, documents in file order. */
  seq: number;
  file: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
  /** `id@version` of the rubric it was scored with. */
  rubric: string;
  id: string;
  name?: LocalisedText;
  groups: Readonly<Record<string, string>>;
  index: number | null;
  /** Classification band id, or null. */
  classification: string | null;
  /** The last attained stage, or null. */
  stage: string | null;
  /** The first stage not attained, or null. */
  next: string | null;
  blockedBy: BlockingGate[];
  /** Failing gates of the next stage when it is below its threshold: they would still hold it. */
  pendingGates: BlockingGate[];
  /** Dimension scores in the rubric's order (null: every criterion N/A). */
  dimensions: (number | null)[];
  /** The index in exact arithmetic, `n/d` (core/exact.ts): rank ties are decided on it. */
  indexExact?: string;
  /** The dimension with the lowest score (the first in rubric order on a tie), or null. */
  weakest: string | null;
}

/** An agency of the batch with its rank (standard competition ranking by index). */
export interface RankedAgency extends AgencyResult {
  rank: number;
}

/**
 * The agencies a batch lists, in listing order: an array, or a view of the batch's column store
 * (score/kept-agencies.ts) that makes each agency's object as it is read (a new object each time), so
 * that a large batch keeps columns of numbers and codes, not an object per agency.
 */
export interface AgencyList extends Iterable<RankedAgency> {
  readonly length: number;
  /** The agency at `i` (from the end when negative, as `Array.prototype.at`), or undefined. */
  at(i: number): RankedAgency | undefined;
  map<U>(f: (agency: RankedAgency, i: number) => U): U[];
}

/** An agency result with the criteria below target, for the roll-up; the list is dropped once counted. */
export interface ScoredAgency extends AgencyResult {
  /** Indices (rubric order, all dimensions' criteria in turn) of the criteria scoring below their dimension's target. */
  belowTarget: number[];
}

/** Everything one input file gave: its agencies and its problems. */
export interface FileOutcome {
  file: string;
  agencies: ScoredAgency[];
  problems: Problem[];
  /** More outcomes of the same file follow (a table scored as it streams); the file counts once, at its last. */
  more?: boolean;
  /** The agencies' ids and names are strings of their own already (score/own-string.ts), not slices of a text. */
  owned?: boolean;
  /**
   * The file needs the full path (io/full-path.ts), which was not loaded yet: nothing of it is scored
   * here; the batch loads the full path and scores the file again.
   */
  deferred?: boolean;
  /** No two agencies of the file share an id: its reader checked them (a table: a repeated id is DUPLICATE_AGENCY there). */
  idsChecked?: boolean;
}

/** The rubrics seen so far, by `id@version`. */
export type RubricTable = Map<string, Rubric>;
