import { compare as compareEntries, DEFAULT_STALE_AFTER_DAYS, sortByDate, type Comparison } from "../core/compare.js";
import { InputError, UsageError, type Problem } from "../core/problems.js";
import { chooseLanguage } from "../i18n/language.js";
import type { LoadedAssessment } from "../io/assessment-load.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { toolVersion } from "../io/tool-version.js";
import { locate } from "../io/yaml.js";
import { attachModel } from "../render/results.js";
import { compareToJson } from "./formats/json.js";

/** The options of `compare`, as its flags in camelCase. */
export interface CompareOptions {
  /** Rubric id or path; overrides the files' `rubric:`. */
  rubric?: string;
  /** The folder that `rubric:` paths in the files must lead into (default: the working folder). */
  rubricRoot?: string;
  /** Compare only this agency's assessments (files holding several agencies). */
  agency?: string;
  /** Language of the texts (any case); default: the assessments' when they share one, else the rubric's first. */
  lang?: string;
  /** Evidence older than this many days at the latest assessment's date is stale (default 365). */
  staleAfter?: number | string;
}

/** A comparison and the language it is written in. */
export interface ComparisonRun {
  comparison: Comparison;
  lang: string;
}

/** The comparison as `compare --format json` prints it. */
export type ComparisonJson = ReturnType<typeof compareToJson>;

function problemAt(loaded: LoadedAssessment, path: string[], code: string, message: string, hint: string): Problem {
  const at = locate(loaded.parsed, path);
  const problem: Problem = { code, severity: "error", message, hint, file: loaded.file, line: at.line, column: at.column };
  if (loaded.document > 0) problem.document = loaded.document;
  return problem;
}

/**
 * The assessments to compare, in date order: every problem of every file, then a date on each,
 * then one agency across all of them, each reported at its line.
 */
export function loadForCompare(files: readonly string[], options: { rubric?: string; rubricRoot?: string; agency?: string }): LoadedAssessment[] {
  const problems: Problem[] = [];
  let loaded: LoadedAssessment[] = [];
  for (const file of files) {
    const load = loadAssessmentsAny(file, { ...(options.rubric !== undefined ? { rubric: options.rubric } : {}), ...(options.rubricRoot !== undefined ? { rubricRoot: options.rubricRoot } : {}) });
    problems.push(...load.problems);
    loaded.push(...load.assessments);
  }
  if (problems.length > 0) throw new InputError(problems);
  if (options.agency !== undefined) {
    const all = loaded;
    loaded = loaded.filter((a) => a.assessment.agency.id === options.agency);
    if (loaded.length === 0) throw new UsageError(`no assessment of agency \`${options.agency}\` in the files`, `agencies in them: ${[...new Set(all.map((a) => a.assessment.agency.id))].join(", ")}`);
  }
  for (const a of loaded) {
    if (a.assessment.date === undefined) problems.push(problemAt(a, ["agency"], "DATE_MISSING", "the assessment has no `date`: compare orders assessments by it", "add the date the assessment was made, e.g. `date: 2026-11-01`"));
  }
  const ids = [...new Set(loaded.map((a) => a.assessment.agency.id))];
  if (ids.length > 1) {
    const first = ids[0]!;
    for (const a of loaded) {
      if (a.assessment.agency.id === first) continue;
      problems.push(problemAt(a, ["agency", "id"], "MISMATCHED_AGENCY", `agency \`${a.assessment.agency.id}\` is not \`${first}\`: compare shows one agency over time`, `the files hold agencies ${ids.join(", ")}; pass the assessments of one agency, or pick one with --agency`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (loaded.length < 2) throw new UsageError("compare needs at least two assessments of the agency", "pass an earlier and a later assessment file");
  return sortByDate(loaded);
}

/** `--stale-after`: a whole number of days. */
export function staleDays(value: number | string | undefined): number {
  if (value === undefined) return DEFAULT_STALE_AFTER_DAYS;
  if (!/^\d+$/.test(String(value))) throw new UsageError(`--stale-after ${value} is not a whole number of days`, "for example --stale-after 365");
  return Number(value);
}

/** Loads, checks and compares the assessments of one agency in `paths`; problems are thrown as InputError/UsageError. */
export async function runCompare(paths: readonly string[], options: CompareOptions = {}): Promise<ComparisonRun> {
  const staleAfterDays = staleDays(options.staleAfter);
  const loaded = loadForCompare(paths, options);
  const comparison = compareEntries(loaded.map((a) => ({ rubric: a.rubric, assessment: a.assessment, file: a.file })), { staleAfterDays });
  const latest = loaded[loaded.length - 1]!;
  // The assessments' language when they all share one; else the rubric's first.
  const oneLanguage = loaded.every((a) => a.assessment.language === latest.assessment.language);
  return { comparison, lang: chooseLanguage(options.lang, latest.rubric, oneLanguage ? latest.assessment : undefined) };
}

/** The comparison's JSON data; `render()` can draw every other format from it. */
export function comparisonData(run: ComparisonRun, version = toolVersion()): ComparisonJson {
  const data = compareToJson(run.comparison, { lang: run.lang, toolVersion: version, color: false, now: new Date(0), width: 80 });
  return attachModel(data, { command: "compare", model: run.comparison, lang: run.lang });
}

/**
 * `compare <before> <after> [more...]` as a library call: one agency's progress over time,
 * exactly the data `compare --format json` prints.
 */
export async function compare(paths: readonly string[], options: CompareOptions = {}): Promise<ComparisonJson> {
  return comparisonData(await runCompare(paths, options));
}
