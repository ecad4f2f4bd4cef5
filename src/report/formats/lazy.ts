/**
 * The formats of `report` as the CLI reaches them: by name, each loaded when chosen, so that a JSON
 * report does not compile the table renderer (cli-table3) or the HTML and Markdown writers at start.
 * The library entry imports them all (formats/index.ts); a test holds the names here to the keys there.
 */
import type { Report } from "../../core/score.js";
import type { BinaryRenderer, Renderer } from "../../render/renderer.js";

/** The text formats of `report`, in the order `--help` lists them. */
export const REPORT_TEXT_FORMATS = ["table", "json", "markdown", "html"] as const;
/** The binary formats of `report` (bytes for a file, never for a terminal). */
export const REPORT_BINARY_FORMATS = ["docx"] as const;

/** How one format is written: as text, or as bytes. */
export type ReportWriter = { text: Renderer<Report> } | { binary: BinaryRenderer<Report> };

/** The writer of a format of `report`, its module loaded now. */
export async function reportWriter(format: string): Promise<ReportWriter | undefined> {
  switch (format) {
    case "table":
      return { text: (await import("./table.js")).renderReportTable };
    case "json":
      return { text: (await import("./json.js")).renderReportJson };
    case "markdown":
      return { text: (await import("./markdown.js")).renderReportMarkdown };
    case "html":
      return { text: (await import("./html.js")).renderReportHtml };
    case "docx":
      return { binary: (await import("./docx.js")).renderReportDocx };
    default:
      return undefined;
  }
}
