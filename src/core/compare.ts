import type { Answer, AnswerValue, Assessment } from "./assessment.js";
import type { Rubric } from "./rubric.js";
import { EPSILON, score, type GateResult, type Report } from "./score.js";
import type { RoadmapStep } from "./roadmap.js";
import type { LocalisedText } from "./text.js";

/** Evidence older than this many days at the date of the latest assessment has gone stale (`--stale-after`). */
export const DEFAULT_STALE_AFTER_DAYS = 365;

/** One assessment of the agency with the rubric it was scored with. */
export interface CompareEntry {
  rubric: Rubric;
  assessment: Assessment;
  /** Where it came from, for the report's footnotes. */
  file?: string;
}

export interface CompareOptions {
  /** Evidence older than this many days at the latest date is stale. */
  staleAfterDays?: number;
}

/** One point in time: the assessment scored (on the shared criteria when the rubrics differ). */
export interface Snapshot {
  date: string;
  file?: string;
  rubric: { id: string; version: string };
  report: Report;
  /** The index on the snapshot's full rubric (equals `report.index` when every rubric is the same). */
  fullIndex: number | null;
}

/** A dimension before and after, and its score at every date. */
export interface DimensionDelta {
  id: string;
  kind: Report["dimensions"][number]["kind"];
  title: LocalisedText;
  before: number | null;
  after: number | null;
  /** after − before; null when either has no score. */
  delta: number | null;
  series: (number | null)[];
}

/** A shared criterion whose score changed between the first and the last assessment. */
export interface CriterionChange {
  id: string;
  dimension: string;
  title: LocalisedText;
  before: AnswerValue;
  after: AnswerValue;
  scoreBefore: number;
  scoreAfter: number;
  delta: number;
}

/** A piece of evidence of one criterion, with its age in days at the latest date when dated. */
export interface EvidenceItem {
  criterion: string;
  evidence: Answer["evidence"][number];
  ageDays: number | null;
}

/** What became of one roadmap step of the earliest report by the latest assessment. */
export interface RoadmapProgress {
  step: RoadmapStep;
  /** done: reached its target score; partial: rose but short of it; open: not risen; dropped: not in the latest rubric. */
  status: "done" | "partial" | "open" | "dropped";
  now: AnswerValue | null;
  scoreNow: number | null;
}

/** A gate of a stage whose state changed: cleared (failed, now holds) or newly blocking (held, now fails). */
export interface GateChange {
  stage: string;
  /** The gated prerequisite (a dimension gate)… */
  dimension?: string;
  /** …or the gated criterion (a criterion gate). */
  criterion?: string;
  min: number;
  before: number | null;
  after: number | null;
}

/** The progress of one agency over time (DESIGN.md §5 `compare`). */
export interface Comparison {
  agency: Assessment["agency"];
  /** The snapshots in date order; `before` is the first, `after` the last. */
  snapshots: Snapshot[];
  /** The latest rubric: titles and display come from it. */
  rubric: Rubric;
  /** `full`: every snapshot was scored on the same criteria; `shared`: only on the criteria all rubrics share. */
  basis: "full" | "shared";
  /** Criteria of the latest rubric that an earlier one lacks. */
  newCriteria: string[];
  /** Criteria of an earlier rubric that the latest one lacks. */
  droppedCriteria: string[];
  index: { before: number | null; after: number | null; delta: number | null };
  classification: { before: Report["classification"]; after: Report["classification"] };
  stage: {
    before: string | null;
    after: string | null;
    /** up: a later stage than before; down: an earlier one; same. */
    direction: "up" | "down" | "same";
    cleared: GateChange[];
    newlyBlocking: GateChange[];
  };
  dimensions: DimensionDelta[];
  improved: CriterionChange[];
  regressed: CriterionChange[];
  evidence: { added: EvidenceItem[]; removed: EvidenceItem[]; stale: EvidenceItem[]; staleAfterDays: number };
  roadmap: RoadmapProgress[];
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function delta(before: number | null | undefined, after: number | null | undefined): number | null {
  return before === null || before === undefined || after === null || after === undefined ? null : after - before;
}

/** The entries sorted by date, oldest first; entries of the same date keep their given order. */
export function sortByDate<T extends { assessment: Assessment }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => (a.entry.assessment.date ?? "").localeCompare(b.entry.assessment.date ?? "") || a.i - b.i)
    .map((x) => x.entry);
}

/** The assessment with every criterion outside `keep` answered N/A: the same as removing it from the rubric (DESIGN.md §4). */
function restrictTo(assessment: Assessment, rubric: Rubric, keep: ReadonlySet<string>): Assessment {
  const answers = new Map(assessment.answers);
  for (const id of rubric.criteria.keys()) {
    if (!keep.has(id)) answers.set(id, { answer: { kind: "na", reason: "not in every rubric compared" }, evidence: [] });
  }
  return { ...assessment, answers };
}

function evidenceKey(criterion: string, e: Answer["evidence"][number]): string {
  return JSON.stringify([criterion, e.url ?? "", e.note ?? "", e.date ?? ""]);
}

function stageRank(rubric: Rubric, stage: string | null): number {
  if (stage === null) return -1;
  return rubric.dimensions.filter((d) => d.kind === "stage").findIndex((d) => d.id === stage);
}

function gateChanges(before: Report, after: Report): { cleared: GateChange[]; newlyBlocking: GateChange[] } {
  const cleared: GateChange[] = [];
  const newlyBlocking: GateChange[] = [];
  const gateBefore = new Map<string, GateResult>();
  const target = (g: GateResult) => ("criterion" in g ? `criterion ${g.criterion}` : `dimension ${g.dimension}`);
  for (const s of before.stages) for (const g of s.gates) gateBefore.set(`${s.id} ${target(g)}`, g);
  for (const s of after.stages) {
    for (const g of s.gates) {
      const was = gateBefore.get(`${s.id} ${target(g)}`);
      if (was === undefined || was.holds === g.holds) continue;
      const change: GateChange = { stage: s.id, ...("criterion" in g ? { criterion: g.criterion } : { dimension: g.dimension }), min: g.min, before: was.score, after: g.score };
      (g.holds ? cleared : newlyBlocking).push(change);
    }
  }
  return { cleared, newlyBlocking };
}

/**
 * Compares assessments of one agency over time. Pure. The entries must be of the same agency and
 * dated (the CLI checks both); they are sorted by date here. When the rubrics differ, every
 * snapshot is scored on the criteria all of them share, and the new and dropped criteria are named.
 */
export function compare(entries: readonly CompareEntry[], options: CompareOptions = {}): Comparison {
  if (entries.length < 2) throw new RangeError("compare needs at least two assessments");
  const sorted = sortByDate(entries);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const staleAfterDays = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;

  const shared = new Set(first.rubric.criteria.keys());
  for (const e of sorted) for (const id of [...shared]) if (!e.rubric.criteria.has(id)) shared.delete(id);
  const sameCriteria = sorted.every((e) => e.rubric.criteria.size === shared.size);
  const lastIds = new Set(last.rubric.criteria.keys());
  const newCriteria = [...lastIds].filter((id) => !shared.has(id));
  const droppedSet = new Set<string>();
  for (const e of sorted) for (const id of e.rubric.criteria.keys()) if (!lastIds.has(id)) droppedSet.add(id);

  const snapshots: Snapshot[] = sorted.map((e) => {
    const full = score(e.rubric, e.assessment);
    const report = sameCriteria ? full : score(e.rubric, restrictTo(e.assessment, e.rubric, shared));
    const snapshot: Snapshot = { date: e.assessment.date ?? "", rubric: { id: e.rubric.id, version: e.rubric.version }, report, fullIndex: full.index };
    if (e.file !== undefined) snapshot.file = e.file;
    return snapshot;
  });
  const before = snapshots[0]!.report;
  const after = snapshots[snapshots.length - 1]!.report;

  // Dimensions in the latest rubric's order, then any an earlier rubric had and the latest lacks.
  const dimIds: string[] = last.rubric.dimensions.map((d) => d.id);
  for (const e of sorted) for (const d of e.rubric.dimensions) if (!dimIds.includes(d.id)) dimIds.push(d.id);
  const dimensions: DimensionDelta[] = dimIds.map((id) => {
    const series = snapshots.map((s) => s.report.dimensions.find((d) => d.id === id)?.score ?? null);
    const def = [...sorted].reverse().map((e) => e.rubric.dimensions.find((d) => d.id === id)).find((d) => d !== undefined)!;
    const b = series[0] ?? null;
    const a = series[series.length - 1] ?? null;
    return { id, kind: def.kind, title: def.title, before: b, after: a, delta: delta(b, a), series };
  });

  const criteriaBefore = new Map(before.dimensions.flatMap((d) => d.criteria).map((c) => [c.id, c]));
  const improved: CriterionChange[] = [];
  const regressed: CriterionChange[] = [];
  for (const c of after.dimensions.flatMap((d) => d.criteria)) {
    const was = criteriaBefore.get(c.id);
    if (!shared.has(c.id) || was === undefined || was.score === null || c.score === null) continue;
    const change = c.score - was.score;
    if (Math.abs(change) <= EPSILON) continue;
    const item: CriterionChange = { id: c.id, dimension: c.dimension, title: c.title, before: was.answer, after: c.answer, scoreBefore: was.score, scoreAfter: c.score, delta: change };
    (change > 0 ? improved : regressed).push(item);
  }
  improved.sort((x, y) => y.delta - x.delta);
  regressed.sort((x, y) => x.delta - y.delta);

  const firstKeys = new Set<string>();
  for (const [id, a] of first.assessment.answers) for (const e of a.evidence) firstKeys.add(evidenceKey(id, e));
  const lastKeys = new Set<string>();
  const lastDate = last.assessment.date;
  const age = (e: Answer["evidence"][number]) => (e.date !== undefined && lastDate !== undefined ? daysBetween(e.date, lastDate) : null);
  const added: EvidenceItem[] = [];
  const stale: EvidenceItem[] = [];
  for (const c of last.rubric.criteria.keys()) {
    for (const e of last.assessment.answers.get(c)?.evidence ?? []) {
      const key = evidenceKey(c, e);
      lastKeys.add(key);
      const item = { criterion: c, evidence: e, ageDays: age(e) };
      if (!firstKeys.has(key)) added.push(item);
      if (item.ageDays !== null && item.ageDays > staleAfterDays) stale.push(item);
    }
  }
  const removed: EvidenceItem[] = [];
  for (const c of first.rubric.criteria.keys()) {
    for (const e of first.assessment.answers.get(c)?.evidence ?? []) if (!lastKeys.has(evidenceKey(c, e))) removed.push({ criterion: c, evidence: e, ageDays: age(e) });
  }

  const fullAfter = score(last.rubric, last.assessment);
  const criteriaAfterFull = new Map(fullAfter.dimensions.flatMap((d) => d.criteria).map((c) => [c.id, c]));
  const roadmap: RoadmapProgress[] = score(first.rubric, first.assessment).roadmap.map((step) => {
    const now = criteriaAfterFull.get(step.criterion);
    if (now === undefined) return { step, status: "dropped", now: null, scoreNow: null };
    const s = now.score;
    const status = s === null ? "dropped" : s >= step.scoreTo - EPSILON ? "done" : s > step.scoreFrom + EPSILON ? "partial" : "open";
    return { step, status, now: now.answer, scoreNow: s };
  });

  const rankBefore = stageRank(last.rubric, before.stage.current);
  const rankAfter = stageRank(last.rubric, after.stage.current);
  return {
    agency: last.assessment.agency,
    snapshots,
    rubric: last.rubric,
    basis: sameCriteria ? "full" : "shared",
    newCriteria,
    droppedCriteria: [...droppedSet],
    index: { before: before.index, after: after.index, delta: delta(before.index, after.index) },
    classification: { before: before.classification, after: after.classification },
    stage: {
      before: before.stage.current,
      after: after.stage.current,
      direction: rankAfter > rankBefore ? "up" : rankAfter < rankBefore ? "down" : "same",
      ...gateChanges(before, after),
    },
    dimensions,
    improved,
    regressed,
    evidence: { added, removed, stale, staleAfterDays },
    roadmap,
  };
}
