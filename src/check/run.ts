import { completenessProblems, evaluatePolicy, rulesEvaluated, rulesFor } from "../core/policy.js";
import { UsageError, type Problem } from "../core/problems.js";
import { isRealDate } from "../core/schema-parts.js";
import { score } from "../core/score.js";
import { documentKind, type AssessmentLoadOptions } from "../io/assessment-load.js";
import { loadBaseline, type Baseline } from "../io/baseline.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { expandPaths } from "../io/paths.js";
import { readTextFile } from "../io/read.js";
import { loadRubricFile, placeProblems } from "../io/rubric-load.js";
import { readToolVersion } from "../io/tool-version.js";
import { locate, parseYamlStream } from "../io/yaml.js";
import type { RenderContext } from "../render/context.js";
import { checkToJson, type CheckJson } from "./formats/json.js";
import { buildPolicy, optionProblem, type CheckOptions } from "./options.js";
import { checkResult, type CheckedAgency, type CheckedFile, type CheckResult } from "./result.js";

export type { CheckOptions } from "./options.js";

/** A run of `check`: the result and the context every output of the run is rendered with. */
export interface CheckRun {
  result: CheckResult;
  ctx: RenderContext;
}

/** True when a file's first document is a rubric (has `dimensions`, `scale` or `extends`). */
function isRubricFile(file: string): boolean {
  if (file === "-") return false;
  const read = readTextFile(file);
  if (read.text === undefined) return false;
  const first = parseYamlStream(read.text, file).documents.find((d) => d.value !== null && d.value !== undefined);
  return first !== undefined && documentKind(first.value) === "rubric";
}

function loadOptionsOf(options: CheckOptions): AssessmentLoadOptions {
  const load: AssessmentLoadOptions = {};
  if (options.rubric !== undefined) load.rubric = options.rubric;
  if (options.mapping !== undefined || options.map !== undefined || options.where !== undefined) {
    load.mapping = {};
    if (options.mapping !== undefined) load.mapping.file = options.mapping;
    if (options.map !== undefined) load.mapping.map = [...options.map];
    if (options.where !== undefined) load.mapping.where = [...options.where];
  }
  return load;
}

/**
 * Runs the CI gate on `paths` (files, folders, globs): validates every assessment, evaluates the policy,
 * compares with the baseline. Never exits and never throws for bad input: setup problems (an invalid
 * policy, an unknown baseline, no files) are data in `result.setup`, with exit code 2.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions = {}): Promise<CheckRun> {
  const now = options.now ?? new Date();
  const setup: Problem[] = [];
  if (options.today !== undefined && !isRealDate(options.today)) setup.push(optionProblem(`--today ${options.today} is not a date`, "write it as YYYY-MM-DD"));
  const today = options.today !== undefined && isRealDate(options.today) ? options.today : now.toISOString().slice(0, 10);
  const built = buildPolicy(options);
  setup.push(...built.problems);
  const policy = built.policy;
  const loadOptions = loadOptionsOf(options);
  const { files, problems: pathProblems } = expandPaths(paths);
  const named = new Set(paths);
  let baseline: Baseline | undefined;
  if (options.baseline !== undefined) {
    try {
      baseline = loadBaseline(options.baseline, paths, loadOptions);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      setup.push(optionProblem(error.message, error.hint));
    }
  }

  const checked: CheckedFile[] = pathProblems.map((p) => ({ file: p.file ?? "<input>", problems: [p], agencies: [] }));
  for (const file of files) {
    const load = loadAssessmentsAny(file, loadOptions);
    if (load.problems.length > 0 && isRubricFile(file)) {
      // A rubric kept next to the assessments: validated as a rubric, not as an assessment.
      checked.push({ file, problems: loadRubricFile(file).problems, agencies: [] });
      continue;
    }
    // Other YAML met inside a folder (a CI workflow, the policy itself) is not an assessment to check.
    if (!named.has(file) && load.assessments.length === 0 && load.problems.length > 0 && load.problems.every((p) => p.code === "NOT_AN_ASSESSMENT")) continue;
    const entry: CheckedFile = { file, problems: [...load.problems], agencies: [] };
    for (const loaded of load.assessments) {
      setup.push(...built.problemsFor(loaded.rubric));
      if (!policy["allow-incomplete"]) {
        const value = loaded.parsed.value;
        const hasAnswers = value !== null && typeof value === "object" && "answers" in value;
        const incomplete = completenessProblems(loaded.assessment, loaded.rubric, hasAnswers);
        if (incomplete.length > 0) {
          entry.problems.push(...placeProblems(incomplete, loaded.parsed, file));
          continue;
        }
      }
      const { assessment, rubric } = loaded;
      const report = score(rubric, assessment);
      const rules = rulesFor(policy, assessment.agency);
      const accepted = baseline === undefined ? undefined : (baseline.byAgency.get(assessment.agency.id) ?? null);
      const violations = evaluatePolicy({ assessment, rubric, report, baseline: accepted, today }, rules).map((v) => ({ ...v, ...locate(loaded.parsed, v.path, true) }));
      const agency: CheckedAgency = {
        id: assessment.agency.id,
        document: loaded.document,
        rubric,
        index: report.index,
        stage: report.stage.current,
        baseline: accepted === undefined ? "none" : accepted === null ? "new" : "compared",
        rules: rulesEvaluated(rules, accepted !== undefined && accepted !== null),
        violations,
      };
      if (assessment.agency.name !== undefined) agency.name = assessment.agency.name;
      entry.agencies.push(agency);
    }
    entry.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    checked.push(entry);
  }
  const result = checkResult(checked, { baseline: baseline?.source, setup, warnings: baseline?.problems ?? [] });
  const firstRubric = checked.flatMap((f) => f.agencies)[0]?.rubric;
  let lang = options.lang ?? firstRubric?.languages[0] ?? "en";
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) {
    result.setup.push(optionProblem(`--lang ${lang} is not a language code`, "use a code such as en or ar"));
    result.exitCode = 2;
    lang = "en";
  }
  return { result, ctx: { lang, color: false, toolVersion: options.toolVersion ?? readToolVersion(), now, width: 80 } };
}

/**
 * `check` as a library function: the data `check --format json` prints (its `exitCode` included).
 * @example
 *   const verdict = await check(["assessments/"], { policy: "policy.yaml", baseline: "origin/main" });
 *   if (verdict.exitCode !== 0) console.log(verdict.summary);
 */
export async function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckJson> {
  const { result, ctx } = await runCheck(paths, options);
  return checkToJson(result, ctx);
}
