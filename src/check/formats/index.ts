import type { CheckResult } from "../result.js";
import { renderCheckCodequality } from "./codequality.js";
import { renderCheckGithub } from "./github.js";
import { renderCheckJson } from "./json.js";
import { renderCheckJunit } from "./junit.js";
import { renderCheckMarkdown } from "./markdown.js";
import { renderCheckSarif } from "./sarif.js";
import { renderCheckTable } from "./table.js";
import type { Renderer } from "../../render/renderer.js";

/** The formats of `check`: the CLI's --format choices come from this map. */
export const checkFormats: Record<string, Renderer<CheckResult>> = {
  table: renderCheckTable,
  json: renderCheckJson,
  markdown: renderCheckMarkdown,
  github: renderCheckGithub,
  junit: renderCheckJunit,
  sarif: renderCheckSarif,
  codequality: renderCheckCodequality,
};
