import type { Batch } from "../batch.js";
import { batchTexts, groupKeys } from "./common.js";
import { pieces } from "./json.js";
import type { RenderContext } from "../../render/context.js";
import { csvCell } from "../../render/escape.js";

/**
 * `--format csv`: one row per listed agency — rank, id, name, one column per group key, index,
 * class, stage, then every dimension's score (full-precision fractions). Every text cell is
 * neutralised against formula injection (DESIGN §7). CRLF line ends (RFC 4180).
 */
export function renderBatchCsv(batch: Batch, ctx: RenderContext): string {
  return [...batchCsvChunks(batch, ctx)].join("");
}

/** The CSV in pieces (the header, then rows about 64 KB at a time), for writing a large batch without one huge string. */
export function* batchCsvChunks(batch: Batch, ctx: Pick<RenderContext, "lang">): Generator<string> {
  const rubric = batch.rubric;
  const keys = groupKeys(batch);
  const dims = rubric?.dimensions.map((d) => d.id) ?? [];
  const header = ["rank", "id", "name", ...keys, "index", "class", "stage", ...dims];
  yield `${header.map(csvCell).join(",")}\r\n`;
  if (rubric === null) return;
  const x = batchTexts(rubric, ctx.lang);
  yield* pieces(batch.results, (a) => `${[a.rank, a.id, x.agencyName(a), ...keys.map((k) => a.groups[k] ?? null), a.index, a.classification, a.stage ?? "none", ...a.dimensions].map(csvCell).join(",")}\r\n`);
}
