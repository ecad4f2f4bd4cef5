import type { z } from "zod";
import { InputError, UsageError, type Problem } from "../core/problems.js";
import { score, type Report } from "../core/score.js";
import { didYouMean } from "../core/suggest.js";
import { chooseLanguage } from "../i18n/language.js";
import { assessmentLoadOptions, loadAssessmentsAny, type AssessmentInputOptions } from "../io/load-any.js";
import { toolVersion } from "../io/tool-version.js";
import { attachModel } from "../render/results.js";
import { reportToJson } from "./formats/json.js";
import type { ReportJsonSchema } from "./schema.js";

/** The options of `report`, as its flags in camelCase. */
export interface ReportOptions extends AssessmentInputOptions {
  /** In a file with several assessments, the agency to report. */
  agency?: string;
  /** Language of the report's texts (any case); default: the assessment's, else the rubric's first. */
  lang?: string;
}

/** One agency's scored report and the language it is written in. */
export interface ScoredReport {
  report: Report;
  lang: string;
}

/** The report as `report --format json` prints it (schemas/report.schema.json). */
export type ReportJson = z.infer<typeof ReportJsonSchema>;

/**
 * The reports of every assessment in `file` (or of `options.agency` alone), scored, each with its
 * language. Problems in the input are thrown as an InputError (one Problem each, with its place);
 * an unknown --lang as a UsageError.
 */
export async function scoreReports(file: string, options: ReportOptions = {}): Promise<ScoredReport[]> {
  return (await scoreReportsWarning(file, options)).reports;
}

/**
 * `scoreReports`, with the problems of the file's other documents when `options.agency` picks a valid
 * one: they become warnings (as `score` reports an invalid document and scores the rest), so one
 * agency's report is not refused for another's mistakes.
 */
export async function scoreReportsWarning(file: string, options: ReportOptions = {}): Promise<{ reports: ScoredReport[]; warnings: Problem[] }> {
  const load = loadAssessmentsAny(file, assessmentLoadOptions(options));
  const picked = options.agency === undefined ? [] : load.assessments.filter((a) => a.assessment.agency.id === options.agency);
  if (load.problems.length > 0 && picked.length === 0) throw new InputError(load.problems);
  const warnings: Problem[] = load.problems.map((p) => ({ ...p, severity: "warning" }));
  let selected = load.assessments;
  if (options.agency !== undefined) {
    selected = picked;
    if (selected.length === 0) {
      const all = load.assessments.map((a) => a.assessment.agency.id);
      const ids = didYouMean(options.agency, all) ?? `${all.slice(0, 8).join(", ")}${all.length > 8 ? `, … (${all.length} in all)` : ""}`;
      throw new InputError([{ code: "UNKNOWN_AGENCY", severity: "error", message: `no assessment of agency \`${options.agency}\` in the file`, hint: ids.startsWith("did you mean") ? ids : `agencies in it: ${ids}`, file, line: 1, column: 1 }]);
    }
  }
  return { reports: selected.map((a) => ({ report: score(a.rubric, a.assessment), lang: chooseLanguage(options.lang, a.rubric, a.assessment) })), warnings };
}

/** A format that shows one agency (json, html) refuses a file that holds several. */
export function requireOne(file: string, reports: readonly ScoredReport[], format: string): ScoredReport {
  if (reports.length !== 1) {
    const ids = reports.map((r) => r.report.agency.id);
    throw new UsageError(`${file} holds ${reports.length} assessments; --format ${format} is the report of one agency`, `pick one with --agency (${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}), or use \`egov-maturity score ${file}\` for all of them`);
  }
  return reports[0]!;
}

/** The report's JSON data in its language; `render()` can draw every other format from it. */
export function reportData(scored: ScoredReport, version = toolVersion()): ReportJson {
  const data = reportToJson(scored.report, { lang: scored.lang, toolVersion: version, color: false, now: new Date(0), width: 80 }) as ReportJson;
  return attachModel(data, { command: "report", model: scored.report, lang: scored.lang });
}

/**
 * `report <file>` as a library call: the gap report of one agency, exactly the data
 * `report --format json` prints. A file holding several assessments needs `options.agency`.
 */
export async function report(file: string, options: ReportOptions = {}): Promise<ReportJson> {
  return reportData(requireOne(file, await scoreReports(file, options), "json"));
}
