import type { Rubric } from "../core/rubric.js";
import { localise } from "../core/text.js";
import type { KeptAgencies } from "./kept-agencies.js";
import { compareDesc } from "./rank.js";

/** The names `--sort` accepts besides dimension ids. */
export const SORT_KEYS = ["rank", "name", "id", "stage", "file"] as const;

/** Strings in code-unit order, null last. */
export function compareValues(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The kept rows in listing order: by rank (ties by id), or by `sort` (then rank). Rank the rows first. */
export function listingOrder(kept: KeptAgencies, sort: string, rubric: Rubric, lang: string): Int32Array {
  const rows = new Int32Array(kept.count);
  for (let row = 0; row < rows.length; row++) rows[row] = row;
  return rows.sort(sorter(kept, sort, rubric, lang));
}

/** Every order ends on a key no two rows share (`seq`): the sort algorithm never decides. */
function sorter(kept: KeptAgencies, sort: string, rubric: Rubric, lang: string): (a: number, b: number) => number {
  const byRank = (a: number, b: number) => kept.rank(a) - kept.rank(b) || compareValues(kept.id(a), kept.id(b)) || kept.seq(a) - kept.seq(b);
  const fallback = rubric.languages[0] ?? "en";
  const stageOrder = rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
  const dim = rubric.dimensions.findIndex((d) => d.id === sort);
  switch (sort) {
    case "name": {
      const collator = new Intl.Collator(lang);
      const name = (row: number) => localise(kept.name(row) ?? kept.id(row), lang, fallback);
      return (a, b) => collator.compare(name(a), name(b)) || byRank(a, b);
    }
    case "id":
      return (a, b) => compareValues(kept.id(a), kept.id(b)) || kept.seq(a) - kept.seq(b);
    case "file":
      return (a, b) => kept.seq(a) - kept.seq(b);
    case "stage": {
      const place = (row: number) => {
        const stage = kept.stageOf(row);
        return stage === null ? -1 : stageOrder.indexOf(stage);
      };
      return (a, b) => place(b) - place(a) || byRank(a, b);
    }
    default:
      if (dim >= 0) return (a, b) => compareDesc(kept.dimension(a, dim), kept.dimension(b, dim)) || byRank(a, b);
      return byRank;
  }
}
