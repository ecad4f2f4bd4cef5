import type { Command } from "commander";
import { InputError, type Problem } from "../core/problems.js";
import { documentKind, fastLoad } from "../io/assessment-load.js";
import { loadAssessmentDocument } from "../io/assessment-full.js";
import { isCsvPath, loadAssessmentCsv } from "../io/csv-load.js";
import { isXlsxPath, loadAssessmentXlsx } from "../io/xlsx-load.js";
import { isCsvMappingValue, loadCsvMapping, type CsvMappingOptions } from "../io/csv-mapping.js";
import { expandPaths } from "../io/paths.js";
import { readTextFile } from "../io/read.js";
import { loadPolicyFile } from "../io/policy-load.js";
import { loadRubricFile } from "../io/rubric-load.js";
import { parseYamlStream } from "../io/yaml.js";
import { terminalLine } from "../render/context.js";
import { formatOption, optionsOf, rubricOption } from "./common.js";
import { plural } from "../i18n/index.js";
import { csvLoadOptions, csvOptions, type CsvCliOptions } from "./csv-options.js";
import { emit } from "./output.js";

interface FileVerdict {
  file: string;
  kind: "rubric" | "assessment" | "mapping" | "policy" | "unknown";
  /** Assessments (documents) in the file, or 1 for a rubric. */
  documents: number;
  problems: Problem[];
}

/** Validates one file, detected by content: a rubric (has `dimensions`, `scale` or `extends`) or assessments. */
export function validateFile(file: string, rubricOverride?: string, mapping?: CsvMappingOptions): FileVerdict {
  if (isCsvPath(file)) {
    // A spreadsheet: one assessment per row (see io/csv-load.ts).
    const load = loadAssessmentCsv(file, { ...(rubricOverride !== undefined ? { rubric: rubricOverride } : {}), ...(mapping !== undefined ? { mapping } : {}) });
    return { file, kind: "assessment", documents: load.assessments.length, problems: load.problems };
  }
  if (isXlsxPath(file)) {
    // A workbook: a questionnaire of `init --format xlsx`, or a table (see io/xlsx-load.ts).
    const load = loadAssessmentXlsx(file, { ...(rubricOverride !== undefined ? { rubric: rubricOverride } : {}), ...(mapping !== undefined ? { mapping } : {}) });
    return { file, kind: "assessment", documents: load.assessments.length, problems: load.problems };
  }
  const read = readTextFile(file);
  if (read.text === undefined) return { file, kind: "unknown", documents: 0, problems: read.problems };
  // Valid assessments take the fast path every command takes (no positions, no zod): it declines
  // anything else — a rubric, a policy, any problem — and the full parse below finds and words it.
  const fast = fastLoad(read.text, file, rubricOverride !== undefined ? { rubric: rubricOverride } : {});
  if (fast !== undefined) return { file, kind: "assessment", documents: fast.assessments.length, problems: [] };
  const { documents, problems } = parseYamlStream(read.text, file);
  if (problems.length > 0) return { file, kind: "unknown", documents: 0, problems };
  const present = documents.filter((d) => d.value !== null && d.value !== undefined);
  if (present.length === 0) return { file, kind: "unknown", documents: 0, problems: [{ code: "EMPTY_FILE", severity: "error", message: "the file is empty: neither a rubric nor an assessment", file, line: 1, column: 1 }] };
  const kind = documentKind(present[0]!.value);
  if (kind === "rubric") return { file, kind, documents: 1, problems: loadRubricFile(file).problems };
  if (kind === "unknown" && isCsvMappingValue(present[0]!.value)) return { file, kind: "mapping", documents: 1, problems: loadCsvMapping({ file }, undefined).problems };
  if (kind === "unknown" && isPolicyValue(present[0]!.value)) return { file, kind: "policy", documents: 1, problems: loadPolicyFile(file).problems };
  if (kind === "unknown") {
    return { file, kind, documents: 0, problems: [{ code: "UNKNOWN_CONTENT", severity: "error", message: "neither a rubric nor an assessment", hint: "an assessment has `agency:` and `answers:`; a rubric has `scale:` and `dimensions:`; a check policy has rules such as `min-index:`", file, line: 1, column: 1 }] };
  }
  const all: Problem[] = [];
  for (const parsed of present) all.push(...loadAssessmentDocument(parsed, file, rubricOverride !== undefined ? { rubric: rubricOverride } : {}).problems);
  return { file, kind, documents: present.length, problems: all };
}

const POLICY_KEYS = new Set(["min-index", "min-stage", "min", "require-evidence-from", "max-evidence-age", "forbid-na", "allow-incomplete", "overrides"]);

/** A check policy (see `check --policy`) is recognised by its rule keys. */
function isPolicyValue(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).some((k) => POLICY_KEYS.has(k));
}

/** `validate <paths...>`: every problem of every rubric and assessment. */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .summary("every problem of rubrics and assessments")
    .description("validate rubrics and assessments (detected by content) and report every problem")
    .argument("<paths...>", "files, directories (recursive, *.yaml / *.yml) or globs")
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(rubricOption())
    .addOption(csvOptions()[0])
    .addOption(csvOptions()[1])
    .addOption(csvOptions()[2])
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity validate examples/
  $ egov-maturity validate rubrics/egov-maturity.yaml my-agency.yaml
  $ egov-maturity validate "assessments/**/*.yaml" --format json`,
    )
    .action((paths: string[], _opts: unknown, command: Command) => {
      const options = optionsOf<{ format: string } & CsvCliOptions>(command);
      const { files, problems: pathProblems } = expandPaths(paths);
      const { mapping } = csvLoadOptions(options);
      const named = new Set(paths);
      const all = files.map((f) => validateFile(f, options.rubric, mapping));
      // A YAML file of another kind met inside a directory (a CI workflow, say) is skipped, not an error;
      // a file named on the command line must be one of the kinds.
      const skipped = all.filter((v) => v.kind === "unknown" && !named.has(v.file) && v.problems.every((p) => p.code === "UNKNOWN_CONTENT"));
      const verdicts = all.filter((v) => !skipped.includes(v));
      const problems = [...pathProblems, ...verdicts.flatMap((v) => v.problems)];
      if (options.format === "json") {
        emit(`${JSON.stringify({ schemaVersion: 1, valid: problems.length === 0, skipped: skipped.map((v) => v.file), files: verdicts.map((v) => ({ file: v.file, kind: v.kind, documents: v.documents, valid: v.problems.length === 0, problems: v.problems.map(({ path: _p, atKey: _k, ...p }) => p) })), errors: pathProblems.map(({ path: _p, atKey: _k, ...p }) => p) }, null, 2)}\n`, options);
        if (problems.length > 0) {
          process.exitCode = 2;
        }
        return;
      }
      if (!options.quiet) {
        const lines = verdicts
          .filter((v) => v.problems.length === 0)
          .map((v) => `ok  ${terminalLine(v.file)}  ${v.kind === "assessment" ? plural("en", "validate.assessments", v.documents) : v.kind}`)
          .concat(skipped.map((v) => `--  ${terminalLine(v.file)}  skipped: not a rubric, assessment, policy or CSV mapping`));
        if (lines.length > 0) emit(`${lines.join("\n")}\n`, options);
      }
      if (problems.length > 0) throw new InputError(problems);
    });
}
