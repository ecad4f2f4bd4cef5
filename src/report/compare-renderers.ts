import type { Comparison } from "../core/compare.js";
import { renderCompareHtml } from "./compare-html.js";
import { renderCompareJson } from "./compare-json.js";
import { renderCompareMarkdown } from "./compare-markdown.js";
import { renderCompareTable } from "./compare-table.js";
import type { Renderer } from "./index.js";

/** The formats of `compare`: the CLI's --format choices come from this map. */
export const compareRenderers: Record<string, Renderer<Comparison>> = {
  table: renderCompareTable,
  markdown: renderCompareMarkdown,
  json: renderCompareJson,
  html: renderCompareHtml,
};
