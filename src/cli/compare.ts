import { Option, type Command } from "commander";
import { compare, DEFAULT_STALE_AFTER_DAYS, sortByDate } from "../core/compare.js";
import { InputError, UsageError, type Problem } from "../core/problems.js";
import type { LoadedAssessment } from "../io/assessment-load.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { locate } from "../io/yaml.js";
import { compareRenderers } from "../compare/formats/index.js";
import { chooseLanguage, formatOption, optionsOf, rubricOption } from "./common.js";
import { emit, renderContext } from "./output.js";

interface CompareOptions {
  format: string;
  rubric?: string;
  agency?: string;
  staleAfter: string;
}

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

function staleDays(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--stale-after ${value} is not a whole number of days`, "for example --stale-after 365");
  return Number(value);
}

/** `compare <before> <after> [more...]`: progress of one agency over time. */
export function registerCompare(program: Command): void {
  program
    .command("compare")
    .summary("one agency's progress over time")
    .description("progress of one agency over time: index, class and stage before and after, deltas per dimension, improved and regressed criteria, evidence, the earlier roadmap's steps done; with more than two assessments, a trend")
    .argument("<before>", "an assessment file of the agency (files are ordered by their `date`, not by position)")
    .argument("<after>", "a later assessment file of the same agency")
    .argument("[more...]", "more assessments of the agency, for a trend")
    .addOption(formatOption(Object.keys(compareRenderers), "table"))
    .addOption(rubricOption())
    .option("-a, --agency <id>", "compare only this agency's assessments (files holding several agencies)")
    .addOption(new Option("--stale-after <days>", "evidence older than this many days at the latest assessment's date is stale").default(String(DEFAULT_STALE_AFTER_DAYS)))
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity compare examples/history/*.yaml
  $ egov-maturity compare 2025.yaml 2026.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ egov-maturity compare examples/history/*.yaml --format html --lang ar --output progress.html
  $ egov-maturity compare 2024.yaml 2026.yaml --stale-after 730 --format json`,
    )
    .action((before: string, after: string, more: string[], _opts: unknown, command: Command) => {
      const options = optionsOf<CompareOptions>(command);
      const staleAfterDays = staleDays(options.staleAfter);
      const loaded = loadForCompare([before, after, ...more], options);
      const comparison = compare(loaded.map((a) => ({ rubric: a.rubric, assessment: a.assessment, file: a.file })), { staleAfterDays });
      const latest = loaded[loaded.length - 1]!;
      // The assessments' language when they all share one; else the rubric's first.
      const oneLanguage = loaded.every((a) => a.assessment.language === latest.assessment.language);
      const lang = chooseLanguage(options.lang, latest.rubric, oneLanguage ? latest.assessment : undefined);
      emit(compareRenderers[options.format]!(comparison, renderContext(options, lang)), options);
    });
}
