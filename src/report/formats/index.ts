import type { Report } from "../../core/score.js";
import type { RenderContext } from "../../render/context.js";
import { renderReportJson } from "./json.js";
import { renderReportHtml } from "./html.js";
import { renderReportMarkdown } from "./markdown.js";
import { renderReportTable } from "./table.js";

/** A format is a function that returns a string (the CLI alone decides stdout or --output). */
export type Renderer<T> = (data: T, ctx: RenderContext) => string;

/** The formats of `report`: the CLI's --format choices come from this map. */
export const reportRenderers: Record<string, Renderer<Report>> = {
  table: renderReportTable,
  json: renderReportJson,
  markdown: renderReportMarkdown,
  html: renderReportHtml,
};

export type { RenderContext } from "../../render/context.js";
