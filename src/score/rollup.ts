import type { Rubric } from "../core/rubric.js";
import { RunningStats, type Stats } from "./stats.js";
import type { AgencyResult } from "./types.js";

/** How many agencies are at a stage (null: none attained) or in a class (null: unclassified). */
export interface Count {
  id: string | null;
  count: number;
}

/** A criterion below its dimension's target in many agencies. */
export interface CommonGap {
  criterion: string;
  dimension: string;
  /** Agencies where it is below target. */
  agencies: number;
  /** agencies / agencies in the roll-up. */
  share: number;
}

/** The roll-up of a set of agencies. */
export interface Rollup {
  agencies: number;
  index: Stats;
  /** Every stage of the rubric in order, then "none" (null), each with its count (zeros kept). */
  stages: Count[];
  /** Every class of the rubric, highest first, then unclassified (null) when any. */
  classes: Count[];
  dimensions: (Stats & { id: string })[];
  /** Criteria most often below target, most agencies first (rubric order on a tie); only those below target somewhere. */
  commonGaps: CommonGap[];
}

/** Accumulates a roll-up one agency at a time, in constant memory. */
export class RollupAccumulator {
  private count = 0;
  private readonly index = new RunningStats();
  private readonly stages = new Map<string | null, number>();
  private readonly classes = new Map<string | null, number>();
  private readonly dims: RunningStats[];
  private readonly gaps: Uint32Array;

  constructor(private readonly rubric: Rubric) {
    this.dims = rubric.dimensions.map(() => new RunningStats());
    this.gaps = new Uint32Array(rubric.criteria.size);
  }

  /** Counts one agency; `belowTarget` are criterion positions in rubric order. */
  add(agency: AgencyResult, belowTarget: readonly number[]): void {
    this.count++;
    if (agency.index !== null) this.index.add(agency.index);
    this.stages.set(agency.stage, (this.stages.get(agency.stage) ?? 0) + 1);
    this.classes.set(agency.classification, (this.classes.get(agency.classification) ?? 0) + 1);
    agency.dimensions.forEach((s, i) => {
      if (s !== null) this.dims[i]?.add(s);
    });
    for (const k of belowTarget) if (k < this.gaps.length) this.gaps[k]! += 1;
  }

  /** The roll-up so far; `gapLimit` caps the common gaps listed. */
  result(gapLimit = 10): Rollup {
    const stageIds = this.rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
    const stages: Count[] = [...stageIds, null].map((id) => ({ id, count: this.stages.get(id) ?? 0 }));
    const classes: Count[] = this.rubric.classification.map((b) => ({ id: b.id, count: this.classes.get(b.id) ?? 0 }));
    const unclassified = this.classes.get(null) ?? 0;
    if (unclassified > 0 || this.rubric.classification.length === 0) classes.push({ id: null, count: unclassified });
    const criteria = this.rubric.dimensions.flatMap((d) => d.criteria);
    const commonGaps: CommonGap[] = [];
    criteria.forEach((c, k) => {
      const n = this.gaps[k] ?? 0;
      if (n > 0) commonGaps.push({ criterion: c.id, dimension: c.dimension, agencies: n, share: n / this.count });
    });
    commonGaps.sort((a, b) => b.agencies - a.agencies);
    return {
      agencies: this.count,
      index: this.index.result(),
      stages,
      classes,
      dimensions: this.rubric.dimensions.map((d, i) => ({ id: d.id, ...this.dims[i]!.result() })),
      commonGaps: commonGaps.slice(0, gapLimit),
    };
  }
}
