import type { Rubric } from "../../core/rubric.js";
import type { Batch } from "../batch.js";
import type { AgencyResult } from "../types.js";
import { textOf } from "../../render/context.js";
import { plural, t } from "../../i18n/index.js";
import { gateState, phraseText } from "../../render/gates.js";

/** A rubric text lookup for batch renderers, in the report's language (raw text: escape it for the format). */
export function batchTexts(rubric: Rubric, lang: string) {
  const text = (x: Parameters<typeof textOf>[1]) => textOf(rubric, x, lang);
  const dimTitle = (id: string | null) => (id === null ? t(lang, "none") : text(rubric.dimensions.find((d) => d.id === id)?.title) || id);
  const classLabel = (id: string | null) => (id === null ? t(lang, "batch.unclassified") : text(rubric.classification.find((b) => b.id === id)?.label) || id);
  const criterionTitle = (id: string) => text(rubric.criteria.get(id)?.title) || id;
  const agencyName = (a: Pick<AgencyResult, "id" | "name">) => (a.name === undefined ? a.id : text(a.name) || a.id);
  const groupName = (batch: Batch, value: string | null) => value ?? t(lang, "batch.noGroup", { key: batch.groupBy ?? "" });
  /** "Security 42.0% < 50.0%", "Approved security policy: no" for each failing gate of the next stage. */
  const blocked = (a: AgencyResult, fmt: (s: number | null) => string) =>
    a.blockedBy.map((g) => ("criterion" in g ? phraseText(gateState(rubric, { ...g, holds: false }, lang)) : `${dimTitle(g.dimension)} ${fmt(g.score)} < ${fmt(g.min)}`)).join(", ");
  return { text, dimTitle, classLabel, criterionTitle, agencyName, groupName, blocked };
}

/** The group keys present in the listed agencies, sorted: the CSV's group columns. */
export function groupKeys(batch: Batch): string[] {
  const keys = new Set<string>();
  for (const a of batch.results) for (const k of Object.keys(a.groups)) keys.add(k);
  return [...keys].sort();
}

/** "4 agencies from 4 files", each count in its plural category. */
export function batchTitle(lang: string, batch: Pick<Batch, "agencies" | "files">): string {
  return t(lang, "batch.title", { agencies: plural(lang, "batch.agencyCount", batch.agencies), files: plural(lang, "batch.fileCount", batch.files) });
}
