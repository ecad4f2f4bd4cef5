import { existsSync, mkdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { Document } from "yaml";
import { InputError, UsageError } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import type { LoadedAssessment } from "../io/assessment-load.js";
import { loadAssessmentCsv } from "../io/csv-load.js";
import { isXlsxPath, loadAssessmentXlsx } from "../io/xlsx-load.js";
import { isRubricPath } from "../io/rubric-load.js";
import { writeFileAtomic } from "../io/write.js";
import { plural, t } from "../i18n/index.js";
import { chooseLanguage, optionsOf, rubricOption } from "./common.js";
import { addCsvOptions, csvLoadOptions, type CsvCliOptions } from "./csv-options.js";

interface ImportOptions extends CsvCliOptions {
  out: string;
  force?: boolean;
}

/** The rubric reference to write into a file in `outDir`: a built-in id as it is, a path relative to the file. */
function rubricRefFrom(ref: string, outDir: string): string {
  if (!isRubricPath(ref)) return ref;
  const rel = relative(resolve(outDir), isAbsolute(ref) ? ref : resolve(ref));
  return rel.split(sep).join("/");
}

/**
 * One row's assessment as a YAML file to edit: every criterion of the rubric in its order, an
 * unanswered one left empty, N/A cells with their reason.
 */
export function importedAssessmentYaml(loaded: LoadedAssessment, rubric: Rubric, rubricRef: string, source: string): string {
  const value = loaded.parsed.value as { agency: unknown; date?: string; assessor?: string; answers?: Record<string, unknown> };
  const answers: Record<string, unknown> = {};
  for (const dimension of rubric.dimensions) for (const c of dimension.criteria) answers[c.id] = value.answers?.[c.id] ?? null;
  const file: Record<string, unknown> = { rubric: rubricRef, agency: value.agency };
  if (value.assessor !== undefined) file.assessor = value.assessor;
  if (value.date !== undefined) file.date = value.date;
  file.answers = answers;
  const doc = new Document(file);
  // A CSV row's document maps every position it has no cell for to the row's line.
  const line = loaded.parsed.lineCounter.linePos(0).line;
  doc.commentBefore = ` Imported by egov-maturity import from ${source}, line ${line}.\n Edit the answers, then run: egov-maturity report <this file>`;
  return doc.toString({ lineWidth: 0 });
}

/** `import <csv>`: one assessment YAML per row of a spreadsheet, for those who then edit them. */
export function registerImport(program: Command): void {
  const command = program
    .command("import")
    .summary("a CSV into one assessment file per row")
    .description("turn a spreadsheet (CSV, one row per agency) into one assessment YAML file per row, to edit and report on")
    .argument("<csv>", "the table (CSV or xlsx): a header row, then one row per agency; or a questionnaire workbook of `init --format xlsx`")
    .addOption(rubricOption("rubric id or path of every row (or `rubric:` in the mapping file)"))
    .requiredOption("--out <dir>", "the folder to write the files to (created if missing): <agency id>.yaml each")
    .option("--force", "overwrite files that exist");
  addCsvOptions(command)
    .addHelpText(
      "after",
      `
Columns: an agency id (\`id\`, or any column mapped to id / id-slug), optionally \`name\`, \`date\`,
\`group.<key>\`, and one column per criterion, named by its id or mapped to it. Cells: a level (or its
label), yes/no, a number, N/A (answered N/A, reason "N/A in source table"), or empty (unanswered).

Examples:
  $ egov-maturity import agencies.csv --rubric egov-maturity --out assessments/
  $ egov-maturity import test/fixtures/data/un-egdi-2022.csv --mapping examples/composite/un-egdi-2022.mapping.yaml --out egdi/
  $ egov-maturity import survey.csv --rubric egov-maturity --map "Agency=id-slug+name" --map "Region=group.region" --out assessments/`,
    )
    .action((csv: string, _opts: unknown, cmd: Command) => {
      const options = optionsOf<ImportOptions>(cmd);
      if (existsSync(options.out) && !statSync(options.out).isDirectory()) throw new UsageError(`--out ${options.out} is a file, not a folder`, "give a folder: one file per row is written into it");
      const load = isXlsxPath(csv) ? loadAssessmentXlsx(csv, csvLoadOptions(options)) : loadAssessmentCsv(csv, csvLoadOptions(options));
      if (load.problems.length > 0) throw new InputError(load.problems);
      const targets = load.assessments.map((a) => ({ loaded: a, path: join(options.out, `${a.assessment.agency.id}.yaml`) }));
      const byName = new Map<string, string>();
      for (const { loaded, path } of targets) {
        // Two ids differing only in case would be one file on a case-insensitive file system.
        const key = path.toLowerCase();
        const other = byName.get(key);
        if (other !== undefined) throw new UsageError(`agencies \`${other}\` and \`${loaded.assessment.agency.id}\` would be written to the same file on a case-insensitive file system`, "give them ids that differ by more than case");
        byName.set(key, loaded.assessment.agency.id);
      }
      const existing = targets.filter((x) => existsSync(x.path)).map((x) => x.path);
      if (existing.length > 0 && !options.force) {
        throw new UsageError(`${existing.length} of the ${targets.length} files exist already (${existing.slice(0, 3).join(", ")}${existing.length > 3 ? ", …" : ""}); import does not overwrite assessments`, "choose another --out folder, or add --force");
      }
      mkdirSync(options.out, { recursive: true });
      for (const { loaded, path } of targets) {
        writeFileAtomic(path, importedAssessmentYaml(loaded, loaded.rubric, rubricRefFrom(loaded.assessment.rubric ?? loaded.rubric.id, options.out), csv));
      }
      const first = targets[0]!;
      if (!options.quiet) process.stderr.write(`${plural(chooseLanguage(options.lang, first.loaded.rubric), "import.wrote", targets.length, { dir: options.out, example: first.path })}\n`);
    });
}
