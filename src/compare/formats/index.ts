import type { Comparison } from "../../core/compare.js";
import { renderCompareHtml } from "./html.js";
import { renderCompareJson } from "./json.js";
import { renderCompareMarkdown } from "./markdown.js";
import { renderCompareTable } from "./table.js";
import type { BinaryRenderer, Renderer } from "../../render/renderer.js";

/** The formats of `compare`: the CLI's --format choices come from this map. */
export const compareFormats: Record<string, Renderer<Comparison>> = {
  table: renderCompareTable,
  markdown: renderCompareMarkdown,
  json: renderCompareJson,
  html: renderCompareHtml,
};

/** The binary formats of `compare` (bytes for a file, never for a terminal). */
export const compareBinaryFormats: Record<string, BinaryRenderer<Comparison>> = {
  // Loaded on demand: the Word library is large, and only this format needs it.
  docx: async (data, ctx) => (await import("./docx.js")).renderCompareDocx(data, ctx),
};
