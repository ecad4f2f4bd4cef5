import { existsSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../core/problems.js";
import { isRealDate } from "../core/schema-parts.js";
import { assessmentTemplate } from "../core/template.js";
import { loadRubric } from "../io/rubric-load.js";
import { chooseLanguage, formatOption, optionsOf, rubricOption } from "./common.js";
import { questionnaireWorkbook } from "../init/formats/xlsx.js";
import { emit, emitBytes, refuseTerminal, renderContext } from "./output.js";

interface InitOptions {
  rubric: string;
  agency?: string;
  name?: string;
  date?: string;
  force?: boolean;
  format: string;
}

/** `init`: a commented assessment template to fill in an editor. */
export function registerInit(program: Command): void {
  program
    .command("init")
    .summary("an assessment template to fill in")
    .description("write a commented assessment template: every criterion, its question and level descriptors as comments")
    .addOption(rubricOption("rubric id or path").default("egov-maturity@1"))
    .option("-a, --agency <id>", "the agency's id (default: the output file's name, else `agency`)")
    .option("-n, --name <name>", "the agency's name")
    .option("-d, --date <YYYY-MM-DD>", "the assessment's date (default: today)")
    .option("--force", "overwrite an existing --output file")
    .addOption(formatOption(["yaml", "xlsx"], "yaml").argParser((value: string) => value.toLowerCase()))
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity init --agency moh --name "Ministry of Health" --output moh.yaml
  $ egov-maturity init --lang ar --output north-municipality.yaml
  $ egov-maturity init --rubric ./my-rubric.yaml > agency.yaml
  $ egov-maturity init --format xlsx --lang ar --agency moh --output moh.xlsx   (a workbook the agency fills in)
Then fill in the answers and run: egov-maturity report moh.yaml`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const options = optionsOf<InitOptions>(command);
      if (options.output !== undefined && existsSync(options.output) && !options.force) {
        throw new UsageError(`${options.output} exists; init does not overwrite an assessment`, "choose another --output, or add --force");
      }
      if (options.format === "xlsx") refuseTerminal(options, "xlsx");
      if (options.date !== undefined && !isRealDate(options.date)) throw new UsageError(`--date ${options.date} is not a calendar date`, "write it as YYYY-MM-DD, e.g. 2026-11-21");
      const loaded = loadRubric(options.rubric);
      if (loaded.problem) throw new InputError([{ ...loaded.problem, severity: "error", file: options.rubric, line: 1, column: 1 }]);
      if (!loaded.rubric) throw new InputError(loaded.problems);
      const rubric = loaded.rubric;
      const fromFile = options.output !== undefined ? basename(options.output, extname(options.output)).replace(/[^A-Za-z0-9._-]+/g, "-") : "";
      const agencyId = options.agency ?? (fromFile || "agency");
      if (!/^[A-Za-z0-9._-]+$/.test(agencyId)) throw new UsageError(`--agency ${agencyId}: use letters, digits, '.', '_' and '-'`);
      const rubricRef = options.rubric;
      if (options.format === "xlsx") {
        // issue 19: the questionnaire workbook.
        const lang = chooseLanguage(options.lang, rubric);
        const bytes = await questionnaireWorkbook(rubric, { lang, agencyId, ...(options.name !== undefined ? { agencyName: options.name } : {}), date: options.date ?? new Date().toISOString().slice(0, 10), rubricRef, ...(options.output !== undefined ? { fileName: basename(options.output) } : {}) }, renderContext(options, lang));
        emitBytes(bytes, options, "xlsx");
        if (options.output !== undefined && !options.quiet) process.stderr.write(`wrote ${options.output}: send it to the agency; when it comes back filled in, run \`egov-maturity report ${options.output}\`\n`);
        return;
      }
      const text = assessmentTemplate(rubric, {
        lang: chooseLanguage(options.lang, rubric),
        agencyId,
        ...(options.name !== undefined ? { agencyName: options.name } : {}),
        date: options.date ?? new Date().toISOString().slice(0, 10),
        rubricRef,
      });
      emit(text, options);
      if (options.output !== undefined && !options.quiet) process.stderr.write(`wrote ${options.output}: fill in the answers, then run \`egov-maturity report ${options.output}\`\n`);
    });
}
