import type { Batch } from "../batch/batch.js";
import { renderBatchCsv } from "./batch-csv.js";
import { renderBatchHtml } from "./batch-html.js";
import { renderBatchJson, renderBatchNdjson } from "./batch-json.js";
import { renderBatchMarkdown } from "./batch-markdown.js";
import { renderBatchTable } from "./batch-table.js";
import type { Renderer } from "./index.js";

/** The formats of `score`: the CLI's --format choices come from this map. */
export const batchRenderers: Record<string, Renderer<Batch>> = {
  table: renderBatchTable,
  json: renderBatchJson,
  ndjson: renderBatchNdjson,
  csv: renderBatchCsv,
  markdown: renderBatchMarkdown,
  html: renderBatchHtml,
};
