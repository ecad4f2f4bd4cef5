/**
 * egov-maturity as a library: every command of the CLI as an async function returning the data its
 * `--format json` prints, `render()` for every other format, and the loaders and scoring functions
 * underneath.
 * `score(paths, options)`, `check(paths, options)`, `report(file, options)` and
 * `compare(paths, options)` take the command's flags in camelCase.
 * @example
 *   import { report, render } from "egov-maturity";
 *   const data = await report("agency.yaml", { lang: "ar" });
 *   console.log(data.index, data.stage.current);
 *   process.stdout.write(render("markdown", data));
 */
import { scoreBinaryFormats, scoreFormats } from "./score/formats/index.js";
import { checkFormats } from "./check/formats/index.js";
import { compareBinaryFormats, compareFormats } from "./compare/formats/index.js";
import { reportBinaryFormats, reportFormats } from "./report/formats/index.js";
import type { BinaryRenderer, Renderer } from "./render/renderer.js";
import { modelOf } from "./render/results.js";
import { toolVersion } from "./io/tool-version.js";
import { UsageError } from "./core/problems.js";
import { provideFullPath } from "./io/full-path.js";
import * as fullPathModules from "./io/full-path-modules.js";

// The library's functions are synchronous: the full path's modules are loaded with the library (the
// CLI loads them only when a command needs them; io/full-path.ts).
provideFullPath(fullPathModules);

// The commands.
export { report, type ReportOptions, type ReportJson } from "./report/run.js";
export { compare, type CompareOptions, type ComparisonJson } from "./compare/run.js";
export { score, type ScoreOptions } from "./score/run.js";
export type { BatchJson } from "./score/formats/json.js";
export { check, type CheckOptions } from "./check/run.js";
export type { CheckJson } from "./check/formats/json.js";

// The rules.
export { score as scoreAssessment, criterionScore, numberScore, dimensionScore, overallIndex, classify, stageAttainment, criterionImpacts, atLeast, EPSILON } from "./core/score.js";
export type { Report, DimensionResult, CriterionResult, GapItem, GateResult, StageResult, StageStatus } from "./core/score.js";
export { buildRoadmap, type RoadmapStep } from "./core/roadmap.js";
export { compare as compareAssessments, DEFAULT_STALE_AFTER_DAYS, type Comparison, type CompareEntry } from "./core/compare.js";
export { checkAssessment } from "./core/assessment.js";
export { AssessmentSchema, AnswerSchema, EvidenceSchema } from "./core/assessment-schema.js";
export type { Assessment, AssessmentFile, Answer, AnswerValue } from "./core/assessment.js";
export { defaultLanguage } from "./core/rubric.js";
export { RubricFileSchema, RubricExtensionSchema, AnyRubricFileSchema } from "./core/rubric-schema.js";
export type { Rubric, Dimension, Criterion, RubricFile } from "./core/rubric.js";
export { checkRubric, normaliseRubric } from "./core/rubric-check.js";
export { rubricJsonSchema, assessmentJsonSchema } from "./core/json-schema.js";
export { localise, type LocalisedText } from "./core/text.js";
export { InputError, UsageError, type Problem } from "./core/problems.js";

// The loaders.
export { loadAssessmentFile, loadAssessmentText, type LoadedAssessment } from "./io/assessment-load.js";
export { loadAssessmentsAny } from "./io/load-any.js";
export { loadRubric, loadRubricFile, builtinRubrics } from "./io/rubric-load.js";

// The formats.
export type { Renderer, BinaryRenderer } from "./render/renderer.js";
export type { RenderContext } from "./render/context.js";
// One registry per command, all of one shape: format name → Renderer of the command's model.
export { reportFormats, reportFormats as reportRenderers, reportBinaryFormats } from "./report/formats/index.js";
export { compareFormats, compareBinaryFormats } from "./compare/formats/index.js";
export { scoreFormats, scoreBinaryFormats } from "./score/formats/index.js";
export { checkFormats } from "./check/formats/index.js";
export { reportToJson } from "./report/formats/json.js";

/** Every command's formats, by command: the CLI's `--format` choices. */
const registries: Record<string, Record<string, Renderer<never>>> = {
  report: reportFormats,
  compare: compareFormats,
  score: scoreFormats,
  check: checkFormats,
};

/** How `render()` draws a result; every field has a default. */
export interface RenderOptions {
  /** Colour (ANSI escapes) in the table format; default false. */
  color?: boolean;
  /** Width of the table format in columns; default 80. */
  width?: number;
  /** The time formats stamp (html); default now. */
  now?: Date;
}

/**
 * A library result (of `report()`, `compare()`…) in one of its command's formats — `"table"`,
 * `"markdown"`, `"html"`, `"json"`… — as the CLI prints it with `--format`, in the result's
 * language. `"json"` also takes plain data (e.g. read back from a file).
 * @throws UsageError for a format the command does not have, or a non-JSON format of data that
 *   did not come from the library.
 */
export function render(format: string, data: object, options: RenderOptions = {}): string {
  const made = modelOf(data);
  if (made === undefined) {
    if (format === "json") return `${JSON.stringify(data, null, 2)}\n`;
    throw new UsageError(`render: format ${format} needs a result of report(), compare(), score() or check()`, "pass the value the library returned, or use format json");
  }
  const registry = registries[made.command] ?? {};
  const renderer = registry[format] as Renderer<unknown> | undefined;
  if (renderer === undefined) throw new UsageError(`render: ${made.command} has no format ${format}`, `its formats: ${Object.keys(registry).join(", ")}`);
  return renderer(made.model, { lang: made.lang, color: options.color ?? false, width: options.width ?? 80, now: options.now ?? new Date(), toolVersion: toolVersion() });
}

/** Every command's binary formats (docx, xlsx), by command. */
const binaryRegistries: Record<string, Record<string, BinaryRenderer<never>>> = {
  report: reportBinaryFormats,
  compare: compareBinaryFormats,
  score: scoreBinaryFormats,
};

/**
 * A library result in one of its command's binary formats — `"docx"` (report, compare), `"xlsx"`
 * (score) — as the bytes of the file the CLI writes with `--format … --output`.
 * @throws UsageError for a format the command does not have, or data that did not come from the library.
 */
export async function renderBinary(format: string, data: object, options: RenderOptions = {}): Promise<Uint8Array> {
  const made = modelOf(data);
  if (made === undefined) throw new UsageError(`renderBinary: format ${format} needs a result of report(), compare() or score()`, "pass the value the library returned");
  const registry = binaryRegistries[made.command] ?? {};
  const renderer = registry[format] as BinaryRenderer<unknown> | undefined;
  if (renderer === undefined) throw new UsageError(`renderBinary: ${made.command} has no binary format ${format}`, `its binary formats: ${Object.keys(registry).join(", ") || "none"}`);
  return renderer(made.model, { lang: made.lang, color: false, width: options.width ?? 80, now: options.now ?? new Date(), toolVersion: toolVersion() });
}
