import type { Batch } from "../batch.js";
import { batchTexts, groupKeys } from "./common.js";
import type { RenderContext } from "../../render/context.js";
import { csvCell } from "../../render/escape.js";

/**
 * `--format csv`: one row per listed agency — rank, id, name, one column per group key, index,
 * class, stage, then every dimension's score (full-precision fractions). Every text cell is
 * neutralised against formula injection (DESIGN §7). CRLF line ends (RFC 4180).
 */
export function renderBatchCsv(batch: Batch, ctx: RenderContext): string {
  const rubric = batch.rubric;
  const keys = groupKeys(batch);
  const dims = rubric?.dimensions.map((d) => d.id) ?? [];
  const header = ["rank", "id", "name", ...keys, "index", "class", "stage", ...dims];
  const rows = [header.map(csvCell).join(",")];
  if (rubric !== null) {
    const x = batchTexts(rubric, ctx.lang);
    for (const a of batch.results) {
      rows.push(
        [a.rank, a.id, x.agencyName(a), ...keys.map((k) => a.groups[k] ?? null), a.index, a.classification, a.stage ?? "none", ...a.dimensions]
          .map(csvCell)
          .join(","),
      );
    }
  }
  return `${rows.join("\r\n")}\r\n`;
}
