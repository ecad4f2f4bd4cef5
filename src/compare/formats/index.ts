import type { Comparison } from "../../core/compare.js";
import { renderCompareHtml } from "./html.js";
import { renderCompareJson } from "./json.js";
import { renderCompareMarkdown } from "./markdown.js";
import { renderCompareTable } from "./table.js";
import type { Renderer } from "../../render/renderer.js";

/** The formats of `compare`: the CLI's --format choices come from this map. */
export const compareRenderers: Record<string, Renderer<Comparison>> = {
  table: renderCompareTable,
  markdown: renderCompareMarkdown,
  json: renderCompareJson,
  html: renderCompareHtml,
};
