import type { Report } from "../../core/score.js";
import type { RenderContext } from "../../render/context.js";
import { renderReportJson } from "./json.js";
import { renderReportHtml } from "./html.js";
import { renderReportMarkdown } from "./markdown.js";
import { renderReportTable } from "./table.js";

export type { Renderer } from "../../render/renderer.js";
import type { BinaryRenderer, Renderer } from "../../render/renderer.js";

/** The formats of `report`: the CLI's --format choices come from this map. */
export const reportFormats: Record<string, Renderer<Report>> = {
  table: renderReportTable,
  json: renderReportJson,
  markdown: renderReportMarkdown,
  html: renderReportHtml,
};

/** The binary formats of `report` (bytes for a file, never for a terminal). */
export const reportBinaryFormats: Record<string, BinaryRenderer<Report>> = {
  // Loaded on demand: the Word library is large, and only this format needs it.
  docx: async (data, ctx) => (await import("./docx.js")).renderReportDocx(data, ctx),
};

export type { RenderContext } from "../../render/context.js";
