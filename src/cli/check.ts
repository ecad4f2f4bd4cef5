import { Option, type Command } from "commander";
import { checkResult, type CheckedAgency, type CheckedFile } from "../check/result.js";
import { checkPolicyAgainstRubric, completenessProblems, evaluatePolicy, rulesEvaluated, rulesFor, type PolicyFile } from "../core/policy.js";
import { InputError, UsageError, type Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { isRealDate } from "../core/schema-parts.js";
import { score } from "../core/score.js";
import { loadBaseline, type Baseline } from "../io/baseline.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { expandPaths } from "../io/paths.js";
import { loadPolicyFile } from "../io/policy-load.js";
import { documentKind } from "../io/assessment-load.js";
import { readTextFile } from "../io/read.js";
import { loadRubricFile, placeProblems } from "../io/rubric-load.js";
import { locate, parseYamlStream } from "../io/yaml.js";
import { checkRenderers } from "../check/formats/index.js";
import { chooseLanguage, formatOption, optionsOf, rubricOption } from "./common.js";
import { csvLoadOptions, csvOptions, type CsvCliOptions } from "./csv-options.js";
import { emit, printProblems, renderContext } from "./output.js";

interface CheckOptions extends CsvCliOptions {
  format: string;
  rubric?: string;
  policy?: string;
  minIndex?: string;
  minStage?: string;
  min?: string[];
  requireEvidenceFrom?: string;
  maxEvidenceAge?: string;
  forbidNa?: string[];
  baseline?: string;
  today?: string;
  allowIncomplete?: boolean;
}

/** A score option: a fraction (0.5) or a percentage (50%). */
function parseScore(text: string, option: string): number {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`${option} ${text} is not a score`, "give a fraction between 0 and 1 (0.5) or a percentage (50%)");
  return value;
}

function parseWhole(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option} ${text} is not a whole number`, option === "--max-evidence-age" ? "give a number of days, e.g. 365" : "give a level of the rubric's scale, e.g. 3");
  return Number(text);
}

/** The policy: the --policy file, then the flags on top (a flag wins over the file's top level). */
function buildPolicy(options: CheckOptions): { policy: PolicyFile; problemsFor: (rubric: Rubric) => Problem[] } {
  let policy: PolicyFile = {};
  let placeIn: Parameters<typeof placeProblems>[1];
  if (options.policy !== undefined) {
    const loaded = loadPolicyFile(options.policy);
    if (loaded.problems.length > 0 || loaded.policy === undefined) throw new InputError(loaded.problems);
    policy = loaded.policy;
    placeIn = loaded.parsed;
  }
  const flags: PolicyFile = {};
  if (options.minIndex !== undefined) flags["min-index"] = parseScore(options.minIndex, "--min-index");
  if (options.minStage !== undefined) flags["min-stage"] = options.minStage;
  if (options.min !== undefined) {
    flags.min = {};
    for (const pair of options.min) {
      const m = /^([^=]+)=(.+)$/.exec(pair);
      if (!m) throw new UsageError(`--min ${pair} is not DIMENSION=SCORE`, "e.g. --min security=0.5 --min strategy=40%");
      flags.min[m[1]!.trim()] = parseScore(m[2]!, `--min ${m[1]}=`);
    }
  }
  if (options.requireEvidenceFrom !== undefined) flags["require-evidence-from"] = parseWhole(options.requireEvidenceFrom, "--require-evidence-from");
  if (options.maxEvidenceAge !== undefined) flags["max-evidence-age"] = parseWhole(options.maxEvidenceAge, "--max-evidence-age");
  if (options.forbidNa !== undefined) flags["forbid-na"] = options.forbidNa.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  const merged: PolicyFile = { ...policy, ...flags, min: { ...policy.min, ...flags.min } };
  if (options.allowIncomplete) merged["allow-incomplete"] = true;
  const source = options.policy ?? "<options>";
  const checked = new Set<Rubric>();
  return {
    policy: merged,
    problemsFor: (rubric) => {
      if (checked.has(rubric)) return [];
      checked.add(rubric);
      // Ids the rubric lacks: in the file at their line; from flags, at the flag.
      const fromFile = options.policy !== undefined ? placeProblems(checkPolicyAgainstRubric(policy, rubric), placeIn, source) : [];
      const fromFlags = checkPolicyAgainstRubric({ ...flags, min: flags.min ?? {} }, rubric).map((p) => ({ ...p, file: "<options>", line: 1, column: 1 }));
      return [...fromFile, ...fromFlags];
    },
  };
}

/** True when a file's first document is a rubric (has `dimensions`, `scale` or `extends`). */
function isRubricFile(file: string): boolean {
  if (file === "-") return false;
  const read = readTextFile(file);
  if (read.text === undefined) return false;
  const first = parseYamlStream(read.text, file).documents.find((d) => d.value !== null && d.value !== undefined);
  return first !== undefined && documentKind(first.value) === "rubric";
}

/** `check <paths...>`: the CI gate. */
export function registerCheck(program: Command): void {
  program
    .command("check")
    .summary("CI gate: policy, baseline, annotations")
    .description("CI gate: validate every assessment and enforce a policy (minimum index, stage and dimension scores, evidence, no regression against the accepted versions)")
    .argument("<paths...>", "assessment files, directories (recursive, *.yaml / *.yml) or globs")
    .addOption(formatOption(Object.keys(checkRenderers), "table"))
    .addOption(rubricOption())
    .option("-p, --policy <file>", "policy file (YAML; schema: egov-maturity schema policy); flags below override its top-level rules")
    .option("--min-index <score>", "lowest overall index accepted: 0.5 or 50%")
    .option("--min-stage <stage>", "lowest stage accepted: a stage id of the rubric (publication, interaction, ...)")
    .addOption(new Option("--min <dimension=score...>", "lowest score of a dimension, e.g. security=0.5 (repeatable)"))
    .option("--require-evidence-from <level>", "answers at or above this level must list evidence")
    .option("--max-evidence-age <days>", "evidence must include a piece at most this many days old (to the assessment's date, else --today)")
    .addOption(new Option("--forbid-na <criteria...>", "criterion ids that may not be marked N/A (comma-separated or repeated)"))
    .option("-b, --baseline <dir or git ref>", "compare with the accepted versions: a folder, or a git revision such as origin/main or HEAD~1")
    .option("--today <date>", "the day evidence age is counted to for an undated assessment (YYYY-MM-DD; default: today)")
    .option("--allow-incomplete", "accept assessments with unanswered criteria")
    .addOption(csvOptions()[0])
    .addOption(csvOptions()[1])
    .addOption(csvOptions()[2])
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity check assessments/ --policy policy.yaml
  $ egov-maturity check assessments/ --min-index 0.5 --min-stage interaction --min security=0.5
  $ egov-maturity check assessments/ --policy policy.yaml --baseline origin/main --format github
  $ egov-maturity check assessments/ --policy policy.yaml --format sarif --output check.sarif
  $ egov-maturity check "assessments/**/*.yaml" --require-evidence-from 3 --max-evidence-age 365 --today 2026-11-21

Exit codes: 0 every agency meets the policy · 1 a policy violation · 2 invalid input or usage (listed first)`,
    )
    .action((paths: string[], _opts: unknown, command: Command) => {
      const options = optionsOf<CheckOptions>(command);
      if (options.today !== undefined && !isRealDate(options.today)) throw new UsageError(`--today ${options.today} is not a date`, "write it as YYYY-MM-DD");
      const today = options.today ?? new Date().toISOString().slice(0, 10);
      const { policy, problemsFor } = buildPolicy(options);
      const loadOptions = csvLoadOptions(options);
      const { files, problems: pathProblems } = expandPaths(paths);
      const named = new Set(paths);
      const baseline: Baseline | undefined = options.baseline !== undefined ? loadBaseline(options.baseline, paths, loadOptions) : undefined;

      const checked: CheckedFile[] = pathProblems.map((p) => ({ file: p.file ?? "<input>", problems: [p], agencies: [] }));
      const policyProblems: Problem[] = [];
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
          policyProblems.push(...problemsFor(loaded.rubric));
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
      if (policyProblems.length > 0) throw new InputError(policyProblems);
      if (baseline !== undefined && baseline.problems.length > 0 && !options.quiet) printProblems(baseline.problems);

      const result = checkResult(checked, baseline?.source);
      const firstRubric = checked.flatMap((f) => f.agencies)[0]?.rubric;
      const lang = firstRubric !== undefined ? chooseLanguage(options.lang, firstRubric) : (options.lang ?? "en");
      emit(checkRenderers[options.format]!(result, renderContext(options, lang)), options);
      process.exitCode = result.exitCode;
    });
}
