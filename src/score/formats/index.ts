import type { Batch } from "../batch.js";
import { batchCsvChunks, renderBatchCsv } from "./csv.js";
import { renderBatchHtml } from "./html.js";
import { batchJsonChunks, renderBatchJson, renderBatchNdjson } from "./json.js";
import { renderBatchMarkdown } from "./markdown.js";
import { renderBatchTable } from "./table.js";
import type { RenderContext } from "../../render/context.js";
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

/**
 * The formats whose size grows with the batch, in pieces: the CLI writes them piece by piece (to
 * stdout or --output), never as one string (ndjson is streamed as agencies are scored).
 */
export const scoreChunkedFormats: Record<string, (batch: Batch, ctx: RenderContext) => Iterable<string>> = {
  json: batchJsonChunks,
  csv: batchCsvChunks,
};

/** The binary formats of `score` (written to --output or a pipe, never to a terminal). */
export const scoreBinaryFormats: Record<string, BinaryRenderer<Batch>> = {
  xlsx: renderBatchXlsx,
};
