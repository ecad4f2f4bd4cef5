import { resolve } from "node:path";
import { chooseLanguage } from "../../src/cli/common.js";
import type { Report } from "../../src/core/score.js";
import { score } from "../../src/core/score.js";
import { loadAssessmentsAny } from "../../src/io/load-any.js";
import type { RenderContext } from "../../src/render/context.js";

export const root = resolve(import.meta.dirname, "../..");

/** The fixed context of every golden file: no clock, no terminal, no colour. */
export function fixedContext(lang: string, width = 80): RenderContext {
  return { lang, color: false, toolVersion: "0.0.0-test", now: new Date("2026-11-21T00:00:00Z"), width };
}

/** Scores the first assessment of a file (relative to the repository root); `lang` as the CLI would choose it when omitted. */
export function reportOf(file: string, lang?: string): { report: Report; lang: string } {
  const load = loadAssessmentsAny(resolve(root, file));
  if (load.problems.length > 0) throw new Error(`${file}: ${load.problems.map((p) => `${p.code} ${p.message}`).join("; ")}`);
  const first = load.assessments[0];
  if (first === undefined) throw new Error(`${file}: no assessment`);
  return { report: score(first.rubric, first.assessment), lang: chooseLanguage(lang, first.rubric, first.assessment) };
}
