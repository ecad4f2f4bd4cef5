import { isAbsolute, relative } from "node:path";
import { completenessProblems, evaluatePolicy, rulesEvaluated, rulesFor, type Violation } from "../core/policy.js";
import { UsageError, type Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { isRealDate } from "../core/schema-parts.js";
import { score } from "../core/score.js";
import { applyWaivers, rubricPinViolations, waiverProblems } from "../core/waiver.js";
import type { AssessmentLoadOptions, LoadedAssessment } from "../io/assessment-load.js";
import { git, loadBaseline, type Baseline, type BaselineEntry } from "../io/baseline.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { expandPaths } from "../io/paths.js";
import { placeProblems } from "../io/yaml.js";
import { chooseLanguage } from "../i18n/language.js";
import { digestOf } from "../io/rubric-digest.js";
import { packageVersion } from "../io/version.js";
import { toolHomepage } from "../io/tool-version.js";
import type { RenderContext } from "../render/context.js";
import { attachModel } from "../render/results.js";
import { checkToJson, type CheckJson } from "./formats/json.js";
import { matchBaseline, type BaselineMatch } from "./identity.js";
import { loadCheckedFile } from "./load.js";
import { placeOf } from "./where.js";
import { buildPolicy, optionProblem, type BuiltPolicy, type CheckOptions } from "./options.js";
import { checkResult, type CheckedAgency, type CheckedFile, type CheckResult } from "./result.js";

export type { CheckOptions } from "./options.js";

/** A run of `check`: the result and the context every output of the run is rendered with. */
export interface CheckRun {
  result: CheckResult;
  ctx: RenderContext;
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

/** A path as outputs show it: relative to the working folder, never the machine's absolute path. */
function shown(file: string): string {
  if (file.startsWith("<") || file === "-" || !isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel === "" ? "." : rel;
}

function relativeProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => (p.file !== undefined ? { ...p, file: shown(p.file) } : p));
}

async function readBaseline(options: CheckOptions, paths: readonly string[], load: AssessmentLoadOptions, setup: Problem[]): Promise<Baseline | undefined> {
  const spec = options.baselineExact ?? options.baseline;
  if (spec === undefined) return undefined;
  if (options.baseline !== undefined && options.baselineExact !== undefined) {
    setup.push(optionProblem("--baseline and --baseline-exact are exclusive", "--baseline compares with the merge-base of HEAD and the revision; --baseline-exact with the revision itself"));
    return undefined;
  }
  try {
    return await loadBaseline(spec, paths, load, options.baselineExact !== undefined);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    setup.push(optionProblem(error.message, error.hint));
    return undefined;
  }
}

/** One checked agency: its violations (policy, pin, baseline, identity) under the waivers. */
function judge(loaded: LoadedAssessment, match: BaselineMatch | undefined, built: BuiltPolicy, today: string): CheckedAgency {
  const { assessment, rubric } = loaded;
  const policy = built.policy;
  const report = score(rubric, assessment);
  const rules = rulesFor(policy, assessment.agency);
  const accepted = match === undefined ? undefined : match.by === "none" ? null : { assessment: match.entry.loaded.assessment, rubric: match.entry.loaded.rubric };
  const violations: Violation[] = [...rubricPinViolations(policy.rubric, rubric, digestOf(rubric)), ...evaluatePolicy({ assessment, rubric, report, baseline: accepted, today }, rules)];
  let previousId: string | undefined;
  let reason: string | undefined;
  if (match?.by === "file") {
    previousId = match.entry.id;
    reason = policy.renamed?.find((r) => r.from === previousId && r.to === assessment.agency.id)?.reason;
    if (reason === undefined) violations.push({ rule: "agency-id-changed", severity: "error", path: ["agency", "id"], actual: assessment.agency.id, expected: previousId });
  }
  const ruleIds = rulesEvaluated(rules, accepted !== undefined && accepted !== null);
  if (policy.rubric !== undefined) ruleIds.splice(1, 0, "rubric-pin");
  if (match !== undefined) ruleIds.push("agency-id-changed");
  const agency: CheckedAgency = {
    id: assessment.agency.id,
    document: loaded.document,
    rubric,
    index: report.index,
    stage: report.stage.current,
    baseline: accepted === undefined ? "none" : accepted === null ? "new" : "compared",
    state: "checked",
    rules: ruleIds,
    violations: applyWaivers(assessment.agency.id, violations, policy.waivers ?? [], today).map((v) => ({ ...v, ...placeOf(loaded.parsed, v.path) })),
  };
  if (assessment.agency.name !== undefined) agency.name = assessment.agency.name;
  if (previousId !== undefined) agency.previousId = previousId;
  if (reason !== undefined) agency.reason = reason;
  return agency;
}

/** An accepted agency gone from the head: a violation, unless the policy lists it under `retired:`. */
function removedAgency(entry: BaselineEntry, built: BuiltPolicy, today: string): CheckedAgency {
  const { assessment, rubric, parsed } = entry.loaded;
  const report = score(rubric, assessment);
  const retired = built.policy.retired?.find((r) => r.agency === entry.id);
  const violations: Violation[] = retired ? [] : [{ rule: "agency-removed", severity: "error", path: ["agency", "id"], expected: entry.id, actual: null }];
  const agency: CheckedAgency = {
    id: entry.id,
    document: entry.loaded.document,
    rubric,
    index: report.index,
    stage: report.stage.current,
    baseline: "compared",
    state: retired ? "retired" : "removed",
    rules: ["agency-removed"],
    violations: applyWaivers(entry.id, violations, built.policy.waivers ?? [], today).map((v) => ({ ...v, ...placeOf(parsed, v.path) })),
  };
  if (assessment.agency.name !== undefined) agency.name = assessment.agency.name;
  if (retired) agency.reason = retired.reason;
  return agency;
}

/**
 * Runs the CI gate on `paths` (files, folders, globs): validates every assessment, evaluates the policy,
 * compares with the baseline by agency id and by file. Never exits and never throws for bad input:
 * setup problems (an invalid policy, an unknown baseline, no files) are data in `result.setup`, exit code 2.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions = {}): Promise<CheckRun> {
  const now = options.now ?? new Date();
  const setup: Problem[] = [];
  if (options.today !== undefined && !isRealDate(options.today)) setup.push(optionProblem(`--today ${options.today} is not a date`, "write it as YYYY-MM-DD"));
  const today = options.today !== undefined && isRealDate(options.today) ? options.today : now.toISOString().slice(0, 10);
  const built = buildPolicy(options);
  setup.push(...built.problems);
  const loadOptions = loadOptionsOf(options);
  const baseline = await readBaseline(options, paths, loadOptions, setup);
  // A run that cannot start (policy, baseline, options) judges no file: a verdict under half a policy would mislead.
  const { files, problems: pathProblems } = setup.length > 0 ? { files: [], problems: [] } : expandPaths(paths);
  if (paths.length === 0) setup.push(optionProblem("no path to check", "name the assessment files or folders, e.g. egov-maturity check assessments/"));
  const named = new Set(paths);

  const checked: CheckedFile[] = pathProblems.map((p) => ({ file: shown(p.file ?? "<input>"), problems: [p], agencies: [] }));
  const heads: { entry: CheckedFile; loaded: LoadedAssessment; key: string }[] = [];
  const invalidKeys = new Set<string>();
  const rubrics = new Set<Rubric>();
  const incompleteIds: string[] = [];
  for (const file of files) {
    const load = loadCheckedFile(file, loadAssessmentsAny(file, loadOptions), named.has(file));
    if (load === undefined) continue;
    const entry: CheckedFile = { file: shown(file), problems: [...load.problems], agencies: [] };
    const key = baseline?.keyOf(file) ?? file;
    if (load.problems.some((p) => p.severity === "error")) invalidKeys.add(key);
    for (const loaded of load.assessments) {
      rubrics.add(loaded.rubric);
      setup.push(...built.problemsFor(loaded.rubric));
      if (!built.policy["allow-incomplete"]) {
        const value = loaded.parsed.value;
        const hasAnswers = value !== null && typeof value === "object" && "answers" in value;
        const incomplete = completenessProblems(loaded.assessment, loaded.rubric, hasAnswers);
        if (incomplete.length > 0) {
          incompleteIds.push(loaded.assessment.agency.id);
          entry.problems.push(...placeProblems(incomplete, loaded.parsed, file));
          invalidKeys.add(key);
          continue;
        }
      }
      heads.push({ entry, loaded, key });
    }
    checked.push(entry);
  }
  const identities = heads.map((h) => ({ id: h.loaded.assessment.agency.id, key: h.key, document: h.loaded.document }));
  const { matches, removed } = baseline ? matchBaseline(identities, baseline.entries, invalidKeys) : { matches: [], removed: [] };
  heads.forEach((h, i) => h.entry.agencies.push(judge(h.loaded, baseline ? matches[i] : undefined, built, today)));
  for (const entry of removed) {
    const file = shown(entry.loaded.file);
    let target = checked.find((f) => f.file === file);
    if (target === undefined) checked.push((target = { file, problems: [], agencies: [] }));
    target.agencies.push(removedAgency(entry, built, today));
  }
  for (const f of checked) f.problems = relativeProblems(f.problems).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  // Known to a waiver: every agency read (an incomplete one too), the accepted ones, and `retired:` (waiverProblems).
  const agencyIds = new Set([...identities.map((h) => h.id), ...incompleteIds, ...(baseline?.entries.map((e) => e.id) ?? [])]);
  if (options.policy !== undefined) setup.push(...placeProblems(waiverProblems(built.policy, agencyIds, [...rubrics]), built.load?.parsed, options.policy));
  if (setup.length === 0 && checked.length === 0 && paths.length > 0) setup.push({ ...optionProblem("no assessment file to check: every file found is of another kind", "name .yaml/.yml assessment files or folders that hold them"), code: "NO_ASSESSMENTS" });

  const prefix = (await git(["rev-parse", "--show-prefix"])).stdout.toString("utf8").trim();
  const result = checkResult(checked, { baseline: baseline?.source, setup: relativeProblems(setup), warnings: relativeProblems(baseline?.problems ?? []), prefix, failOnWarn: options.failOnWarn ?? false });
  const homepage = toolHomepage();
  if (homepage !== undefined) result.homepage = homepage;
  const firstRubric = heads[0]?.loaded.rubric;
  let lang = "en";
  try {
    // The same language check as every command: case-insensitive, and one the rubric or the tool speaks.
    lang = firstRubric !== undefined ? chooseLanguage(options.lang, firstRubric) : (options.lang?.toLowerCase() ?? "en");
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang)) throw new UsageError(`--lang ${options.lang ?? lang} is not a language code`, "use a code such as en or ar");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    result.setup.push(optionProblem(error.message, error.hint));
    result.exitCode = 2;
    lang = "en";
  }
  return { result, ctx: { lang, color: false, toolVersion: options.toolVersion ?? packageVersion(), now, width: 80 } };
}

/**
 * `check` as a library function: the data `check --format json` prints (its `exitCode` included).
 * @example
 *   const verdict = await check(["assessments/"], { policy: "policy.yaml", baseline: "origin/main" });
 *   if (verdict.exitCode !== 0) console.log(verdict.summary);
 */
export async function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckJson> {
  const { result, ctx } = await runCheck(paths, options);
  // The model stays attached, so that render("sarif", data) draws every format of the same run.
  return attachModel(checkToJson(result, ctx), { command: "check", model: result, lang: ctx.lang });
}
