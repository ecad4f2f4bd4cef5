import type { BinaryRenderer, Renderer } from "../../render/renderer.js";
import type { InitData } from "../run.js";
import { renderQuestionnaireHtml } from "./html.js";
import { renderQuestionnaireMarkdown } from "./markdown.js";
import { questionnaireWorkbook } from "./xlsx.js";
import { renderTemplateYaml } from "./yaml.js";

/**
 * An `init` format: text (printed or written with --output) or binary (bytes, written with
 * --output only; e.g. the xlsx workbook), and what `wrote FILE: …` tells the user to do next.
 */
export type InitFormat = { kind: "text"; render: Renderer<InitData>; next: InitNext } | { kind: "binary"; render: BinaryRenderer<InitData>; next: InitNext };

/** What the user does with the file: fill it in (template), send it ahead (questionnaire), send it and read it back (workbook). */
export type InitNext = "fill" | "send" | "return";

/** The formats of `init`: the CLI's --format choices come from this map. */
export const initFormats: Record<string, InitFormat> = {
  yaml: { kind: "text", render: renderTemplateYaml, next: "fill" },
  html: { kind: "text", render: renderQuestionnaireHtml, next: "send" },
  markdown: { kind: "text", render: renderQuestionnaireMarkdown, next: "send" },
  // issue 19: the workbook the agency fills in; `report` reads it back.
  xlsx: { kind: "binary", render: (data, ctx) => questionnaireWorkbook(data.rubric, data, ctx), next: "return" },
};
