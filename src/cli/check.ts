import { Option, type Command } from "commander";
import { runCheck, type CheckOptions } from "../check/run.js";
import { checkFormats } from "../check/formats/index.js";
import { UsageError } from "../core/problems.js";
import { writeFileAtomic } from "../io/write.js";
import { formatOption, optionsOf, rubricOption } from "./common.js";
import { csvOptions, type CsvCliOptions } from "./csv-options.js";
import { emit, printProblems, toolVersion, useColor } from "./output.js";

interface CheckCliOptions extends CsvCliOptions {
  format: string;
  policy?: string;
  minIndex?: string;
  minStage?: string;
  min?: string[];
  requireEvidenceFrom?: string;
  maxEvidenceAge?: string;
  forbidNa?: string[];
  baseline?: string;
  baselineExact?: string;
  today?: string;
  allowIncomplete?: boolean;
  failOnWarn?: boolean;
  report?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--report FORMAT=FILE` entries, checked before the run: a known format, a file, no file twice. */
function parseReports(entries: readonly string[], output: string | undefined): [format: string, file: string][] {
  const seen = new Set<string>(output !== undefined ? [output] : []);
  return entries.map((entry) => {
    const m = /^([a-z]+)=(.+)$/.exec(entry);
    if (!m) throw new UsageError(`--report ${entry} is not FORMAT=FILE`, "e.g. --report sarif=check.sarif --report junit=junit.xml");
    const [, format, file] = m as unknown as [string, string, string];
    if (!(format in checkFormats)) throw new UsageError(`--report ${entry}: unknown format \`${format}\``, `formats: ${Object.keys(checkFormats).join(", ")}`);
    if (seen.has(file)) throw new UsageError(`--report ${entry}: \`${file}\` is written twice`, "give each output its own file");
    seen.add(file);
    return [format, file];
  });
}

/** `check <paths...>`: the CI gate. */
export function registerCheck(program: Command): void {
  program
    .command("check")
    .summary("CI gate: policy, baseline, annotations")
    .description("CI gate: validate every assessment and enforce a policy (minimum index, stage and dimension scores, evidence, no regression against the accepted versions)")
    .argument("<paths...>", "assessment files, directories (recursive, *.yaml / *.yml) or globs")
    .addOption(formatOption(Object.keys(checkFormats), "table"))
    .addOption(new Option("--report <format=file>", "write another output of the same run to a file, e.g. sarif=check.sarif (repeatable)").argParser(collect))
    .addOption(rubricOption())
    .option("-p, --policy <file>", "policy file (YAML; schema: egov-maturity schema policy); flags below override its top-level rules")
    .option("--min-index <score>", "lowest overall index accepted: 0.5 or 50%")
    .option("--min-stage <stage>", "lowest stage accepted: a stage id of the rubric (publication, interaction, ...)")
    .addOption(new Option("--min <dimension=score...>", "lowest score of a dimension, e.g. security=0.5 (repeatable)"))
    .option("--require-evidence-from <level>", "answers at or above this level must list evidence")
    .option("--max-evidence-age <days>", "evidence must include a piece at most this many days old (to the assessment's date, else --today)")
    .addOption(new Option("--forbid-na <criteria...>", "criterion ids that may not be marked N/A (comma-separated or repeated)"))
    .option("-b, --baseline <dir or git ref>", "compare with the accepted versions: a folder, or a git revision (origin/main): its merge-base with HEAD, where the branch started")
    .option("--baseline-exact <git ref>", "compare with the tip of a git revision itself, not the merge-base")
    .option("--today <date>", "the day evidence ages and waiver expiries are counted to (YYYY-MM-DD; default: today)")
    .option("--allow-incomplete", "accept assessments with unanswered criteria")
    .option("--fail-on-warn", "warnings fail the check too (exit 1)")
    .addOption(csvOptions()[0])
    .addOption(csvOptions()[1])
    .addOption(csvOptions()[2])
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity check assessments/ --policy policy.yaml
  $ egov-maturity check assessments/ --min-index 0.5 --min-stage interaction --min security=0.5
  $ egov-maturity check assessments/ --policy policy.yaml --baseline origin/main --format github \\
      --report sarif=check.sarif --report junit=junit.xml --report markdown=summary.md
  $ egov-maturity check assessments/ --policy policy.yaml --report codequality=gl-code-quality.json
  $ egov-maturity check "assessments/**/*.yaml" --require-evidence-from 3 --max-evidence-age 365 --today 2026-11-21

Exit codes: 0 every agency meets the policy · 1 a policy violation · 2 invalid input or usage (listed first)`,
    )
    .action(async (paths: string[], _opts: unknown, command: Command) => {
      const options = optionsOf<CheckCliOptions>(command);
      const reports = parseReports(options.report ?? [], options.output);
      if (options.baseline !== undefined && options.baselineExact !== undefined) throw new UsageError("--baseline and --baseline-exact are exclusive", "--baseline compares with the merge-base of HEAD and the revision; --baseline-exact with the revision itself");
      const { format, report: _r, output: _o, color: _c, quiet: _q, debug: _d, ...flags } = options;
      const run: CheckOptions = { ...flags, toolVersion: toolVersion() };
      const { result, ctx } = await runCheck(paths, run);
      const setupFailed = result.setup.length > 0;
      if (setupFailed) printProblems(result.setup);
      if (result.warnings.length > 0 && !options.quiet) printProblems(result.warnings);
      // Every requested machine output is written, even when the run could not start (CI reads them).
      for (const [reportFormat, file] of reports) writeFileAtomic(file, checkFormats[reportFormat]!(result, ctx));
      if (!(setupFailed && format === "table")) emit(checkFormats[format]!(result, { ...ctx, color: useColor(options) }), options);
      process.exitCode = result.exitCode;
    });
}
