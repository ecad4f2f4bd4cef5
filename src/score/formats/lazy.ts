/**
 * The formats of `score` as the CLI reaches them: by name, each loaded when chosen. A batch's start
 * should not compile the table renderer and its dependencies (cli-table3), the HTML and Markdown
 * writers or the workbook writer to print JSON or ndjson. The library entry imports them all
 * (formats/index.ts); a test holds the names here to the keys there.
 */
import type { Batch } from "../batch.js";
import type { RenderContext } from "../../render/context.js";
import type { BinaryRenderer, Renderer } from "../../render/renderer.js";

/** The text formats of `score`, in the order `--help` lists them. */
export const SCORE_TEXT_FORMATS = ["table", "json", "ndjson", "csv", "markdown", "html"] as const;
/** The binary formats of `score` (written to --output or a pipe, never to a terminal). */
export const SCORE_BINARY_FORMATS = ["xlsx"] as const;

/** How one format is written: whole, in pieces (the formats whose size grows with the batch), or as bytes. */
export type ScoreWriter = { text: Renderer<Batch> } | { chunks: (batch: Batch, ctx: RenderContext) => Iterable<string> } | { binary: BinaryRenderer<Batch> };

/** The writer of a format of `score`, its module loaded now. */
export async function scoreWriter(format: string): Promise<ScoreWriter | undefined> {
  switch (format) {
    case "table":
      return { text: (await import("./table.js")).renderBatchTable };
    case "json":
      return { chunks: (await import("./json.js")).batchJsonChunks };
    case "ndjson":
      return { text: (await import("./json.js")).renderBatchNdjson };
    case "csv":
      return { chunks: (await import("./csv.js")).batchCsvChunks };
    case "markdown":
      return { text: (await import("./markdown.js")).renderBatchMarkdown };
    case "html":
      return { text: (await import("./html.js")).renderBatchHtml };
    case "xlsx":
      return { binary: (await import("./xlsx.js")).renderBatchXlsx };
    default:
      return undefined;
  }
}
