import type { Batch } from "../batch.js";
import { renderBatchCsv } from "./csv.js";
import { renderBatchHtml } from "./html.js";
import { renderBatchJson, renderBatchNdjson } from "./json.js";
import { renderBatchMarkdown } from "./markdown.js";
import { renderBatchTable } from "./table.js";
import type { Renderer } from "../../render/renderer.js";

/** The formats of `score`: the CLI's --format choices come from this map. */
export const batchRenderers: Record<string, Renderer<Batch>> = {
  table: renderBatchTable,
  json: renderBatchJson,
  ndjson: renderBatchNdjson,
  csv: renderBatchCsv,
  markdown: renderBatchMarkdown,
  html: renderBatchHtml,
};
