import type { CheckResult } from "../core/check-result.js";
import { renderCheckGithub } from "./check-github.js";
import { renderCheckJson } from "./check-json.js";
import { renderCheckJunit } from "./check-junit.js";
import { renderCheckMarkdown } from "./check-markdown.js";
import { renderCheckSarif } from "./check-sarif.js";
import { renderCheckTable } from "./check-table.js";
import type { Renderer } from "./index.js";

/** The formats of `check`: the CLI's --format choices come from this map. */
export const checkRenderers: Record<string, Renderer<CheckResult>> = {
  table: renderCheckTable,
  json: renderCheckJson,
  markdown: renderCheckMarkdown,
  github: renderCheckGithub,
  junit: renderCheckJunit,
  sarif: renderCheckSarif,
};
