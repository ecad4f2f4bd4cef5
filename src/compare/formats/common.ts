import type { Comparison } from "../../core/compare.js";
import type { Rubric } from "../../core/rubric.js";
import { formatAnswer, textOf } from "../../render/context.js";
import { t } from "../../i18n/index.js";

const SPARKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** A sparkline of scores in [0, 1] on an absolute scale (▁ = 0, █ = 1); a space where there is no score. */
export function sparkline(series: readonly (number | null)[]): string {
  return series
    .map((s) => (s === null || !Number.isFinite(s) ? " " : SPARKS[Math.round(Math.max(0, Math.min(1, s)) * (SPARKS.length - 1))] ?? " "))
    .join("");
}

/** A signed change of a score: "+23.3 pts" (percent) or "+0.2330" (fraction); "—" when there is none. */
export function formatDelta(change: number | null, display: Rubric["display"], lang: string): string {
  if (change === null) return "—";
  const rounded = display === "fraction" ? change.toFixed(4) : (change * 100).toFixed(1);
  const zero = Number(rounded) === 0;
  const sign = zero ? "±" : change > 0 ? "+" : "−";
  const magnitude = rounded.replace("-", "");
  return display === "fraction" ? `${sign}${magnitude}` : `${sign}${magnitude} ${t(lang, "cmp.points")}`;
}

/** Direction of a change as data: up, down or same (same within display rounding). */
export function trendOf(change: number | null, display: Rubric["display"]): "up" | "down" | "same" | "none" {
  if (change === null) return "none";
  const rounded = Number(display === "fraction" ? change.toFixed(4) : (change * 100).toFixed(1));
  return rounded > 0 ? "up" : rounded < 0 ? "down" : "same";
}

/** An arrow for a change: ▲ up, ▼ down, = same, blank when there is no change to show. */
export function arrowOf(change: number | null, display: Rubric["display"]): string {
  return { up: "▲", down: "▼", same: "=", none: "" }[trendOf(change, display)];
}

/** The title of a dimension of the comparison (any rubric compared), or "none" for a null stage. */
export function dimensionTitle(cmp: Comparison, id: string | null, lang: string): string {
  if (id === null) return t(lang, "none");
  const d = cmp.dimensions.find((x) => x.id === id);
  // A criterion gate names a criterion: its title.
  const title = d?.title ?? cmp.rubric.criteria.get(id)?.title;
  return title === undefined ? id : textOf(cmp.rubric, title, lang);
}

/** The title of a criterion from the latest rubric, else from the earliest that has it. */
export function criterionTitle(cmp: Comparison, id: string, lang: string): string {
  for (const s of [...cmp.snapshots].reverse()) {
    const c = s.report.rubricDef.criteria.get(id);
    if (c !== undefined) return textOf(s.report.rubricDef, c.title, lang);
  }
  return id;
}

/** An answer of a criterion formatted with the rubric of the snapshot it belongs to. */
export function answerText(cmp: Comparison, which: "before" | "after", id: string, answer: Parameters<typeof formatAnswer>[2], lang: string): string {
  const snapshot = which === "before" ? cmp.snapshots[0] : cmp.snapshots[cmp.snapshots.length - 1];
  return formatAnswer(snapshot?.report.rubricDef ?? cmp.rubric, id, answer, lang);
}

/** The dates of the snapshots, joined for a heading. */
export function datesOf(cmp: Comparison): string[] {
  return cmp.snapshots.map((s) => s.date);
}

/** The rubrics compared, when they differ: "egov-maturity 1.0.0 → 1.1.0". */
export function rubricVersions(cmp: Comparison): string | null {
  const names = cmp.snapshots.map((s) => `${s.rubric.id} ${s.rubric.version}`);
  const distinct = names.filter((n, i) => names.indexOf(n) === i);
  return distinct.length > 1 ? distinct.join(" → ") : null;
}

/** Counts of roadmap progress by status. */
export function roadmapCounts(cmp: Comparison): Record<"done" | "partial" | "open" | "dropped", number> {
  const counts = { done: 0, partial: 0, open: 0, dropped: 0 };
  for (const r of cmp.roadmap) counts[r.status] += 1;
  return counts;
}

/** A piece of evidence in one line: its URL or note, and its date. */
export function evidenceText(e: { url?: string; note?: string; date?: string }): string {
  return [e.url ?? e.note ?? "", e.date ? `(${e.date})` : ""].filter(Boolean).join(" ");
}

/** How many criteria every rubric compared shares. */
export function sharedCount(cmp: Comparison): number {
  return cmp.rubric.criteria.size - cmp.newCriteria.length;
}
