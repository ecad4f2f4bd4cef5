import type { Batch } from "../batch.js";
import { renderBatchCsv } from "./csv.js";
import { renderBatchHtml } from "./html.js";
import { renderBatchJson, renderBatchNdjson } from "./json.js";
import { renderBatchMarkdown } from "./markdown.js";
import { renderBatchTable } from "./table.js";
import type { BinaryRenderer, Renderer } from "../../render/renderer.js";
import { renderBatchXlsx } from "./xlsx.js";

/** The formats of `score`: the CLI's --format choices come from this map. */
export const scoreFormats: Record<string, Renderer<Batch>> = {
  table: renderBatchTable,
  json: renderBatchJson,
  ndjson: renderBatchNdjson,
  csv: renderBatchCsv,
  markdown: renderBatchMarkdown,
  html: renderBatchHtml,
};

/** The binary formats of `score` (written to --output or a pipe, never to a terminal). */
export const scoreBinaryFormats: Record<string, BinaryRenderer<Batch>> = {
  xlsx: renderBatchXlsx,
};
