import { existsSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../core/problems.js";
import { isRealDate } from "../core/schema-parts.js";
import { initFormats } from "../init/formats/index.js";
import type { InitData } from "../init/run.js";
import { loadRubric } from "../io/rubric-load.js";
import { chooseLanguage, formatOption, optionsOf, rubricOption } from "./common.js";
import { emit, emitBytes, refuseTerminal, renderContext } from "./output.js";

interface InitOptions {
  rubric: string;
  agency?: string;
  name?: string;
  date?: string;
  force?: boolean;
  format: string;
}

/** `init`: a commented assessment template to fill in an editor, or a questionnaire to send ahead of a workshop. */
export function registerInit(program: Command): void {
  program
    .command("init")
    .summary("a template or a questionnaire")
    .description("write a commented assessment template (every criterion, its question and level descriptors as comments), or with --format html|markdown a printable questionnaire to send to the agency before the workshop")
    .addOption(rubricOption("rubric id or path").default("egov-maturity@2"))
    .addOption(formatOption(Object.keys(initFormats), "yaml").argParser((value: string) => value.toLowerCase()))
    .option("-a, --agency <id>", "the agency's id (default: the output file's name, else `agency`)")
    .option("-n, --name <name>", "the agency's name")
    .option("-d, --date <YYYY-MM-DD>", "the assessment's (or the workshop's) date (default: today)")
    .option("--force", "overwrite an existing --output file")
    .addHelpText(
      "after",
      `
Formats:
  yaml      the assessment file to fill in an editor (default)
  html      a printable questionnaire (A4; right-to-left in Arabic): a cover with the agency, the
            date and how to fill it in; every question with its level descriptors and a box to
            tick, the evidence to prepare and a line for notes; the list of evidence to request
  markdown  the same questionnaire as Markdown, with task-list boxes
  xlsx      a workbook the agency's staff fill in and send back (needs --output or a pipe);
            \`report\` reads it as it comes back

Examples:
  $ egov-maturity init --agency moh --name "Ministry of Health" --output moh.yaml
  $ egov-maturity init --lang ar --output north-municipality.yaml
  $ egov-maturity init --format html --lang ar --name "بلدية الشمال" --output questionnaire.html
  $ egov-maturity init --format markdown --agency moh > questionnaire.md
  $ egov-maturity init --rubric ./my-rubric.yaml > agency.yaml
  $ egov-maturity init --format xlsx --lang ar --agency moh --output moh.xlsx   (a workbook the agency fills in)
Then fill in the answers and run: egov-maturity report moh.yaml`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const options = optionsOf<InitOptions>(command);
      const format = initFormats[options.format];
      if (format === undefined) throw new UsageError(`--format ${options.format} is not a format of init`, `use one of: ${Object.keys(initFormats).join(", ")}`);
      if (options.output !== undefined && existsSync(options.output) && !options.force) {
        throw new UsageError(`${options.output} exists; init does not overwrite it`, "choose another --output, or add --force");
      }
      if (format.kind === "binary") refuseTerminal(options, options.format);
      if (options.date !== undefined && !isRealDate(options.date)) throw new UsageError(`--date ${options.date} is not a calendar date`, "write it as YYYY-MM-DD, e.g. 2026-11-21");
      const loaded = loadRubric(options.rubric);
      if (loaded.problem) throw new InputError([{ ...loaded.problem, severity: "error", file: options.rubric, line: 1, column: 1 }]);
      if (!loaded.rubric) throw new InputError(loaded.problems);
      const rubric = loaded.rubric;
      const fromFile = options.output !== undefined ? basename(options.output, extname(options.output)).replace(/[^A-Za-z0-9._-]+/g, "-") : "";
      const agencyId = options.agency ?? (fromFile || "agency");
      if (!/^[A-Za-z0-9._-]+$/.test(agencyId)) throw new UsageError(`--agency ${agencyId}: use letters, digits, '.', '_' and '-'`);
      const lang = chooseLanguage(options.lang, rubric);
      const data: InitData = {
        rubric,
        lang,
        agencyId,
        ...(options.name !== undefined ? { agencyName: options.name } : {}),
        date: options.date ?? new Date().toISOString().slice(0, 10),
        rubricRef: options.rubric,
        ...(options.output !== undefined ? { fileName: basename(options.output) } : {}),
      };
      const ctx = renderContext({ ...options, output: options.output }, lang);
      if (format.kind === "binary") emitBytes(await format.render(data, ctx), options, options.format);
      else emit(format.render(data, ctx), options);
      if (options.output !== undefined && !options.quiet) {
        const next = {
          fill: `fill in the answers, then run \`egov-maturity report ${options.output}\``,
          send: `print it or send it to the agency before the workshop; record the answers with \`egov-maturity assess --out ${agencyId}.yaml\``,
          return: `send it to the agency; when it comes back filled in, run \`egov-maturity report ${options.output}\``,
        }[format.next];
        process.stderr.write(`wrote ${options.output}: ${next}\n`);
      }
    });
}
