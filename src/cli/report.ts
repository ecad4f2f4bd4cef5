import type { Command } from "commander";
import { InputError, UsageError } from "../core/problems.js";
import { didYouMean } from "../core/suggest.js";
import { score } from "../core/score.js";
import { loadAssessmentsAny } from "../io/load-any.js";
import { reportRenderers } from "../report/formats/index.js";
import { chooseLanguage, formatOption, optionsOf, rubricOption } from "./common.js";
import { addCsvOptions, csvLoadOptions, type CsvCliOptions } from "./csv-options.js";
import { emit, renderContext } from "./output.js";

interface ReportOptions extends CsvCliOptions {
  format: string;
  rubric?: string;
  agency?: string;
}

/** `report <assessment>`: the gap report of one agency. */
export function registerReport(program: Command): void {
  const command = program
    .command("report")
    .summary("the gap report of one agency")
    .description("print the gap report of one agency: index, class, stage and what blocks the next, dimensions against targets, largest gaps, roadmap")
    .argument("<assessment>", "assessment file (YAML; several documents: one report each, or pick one with --agency), or a CSV table (one row per agency)")
    .addOption(formatOption(Object.keys(reportRenderers), "table"))
    .addOption(rubricOption())
    .option("-a, --agency <id>", "in a file with several assessments, report only this agency")
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity report examples/passport-directorate.yaml
  $ egov-maturity report examples/health-ministry.yaml --format json --output moh.json
  $ egov-maturity report examples/municipality-north.yaml --lang en
  $ egov-maturity report agencies.yaml --agency moh
  $ egov-maturity report test/fixtures/data/un-egdi-2022.csv --mapping examples/composite/un-egdi-2022.mapping.yaml --agency estonia`,
    );
  addCsvOptions(command).action((file: string, _opts: unknown, command: Command) => {
      const options = optionsOf<ReportOptions>(command);
      const load = loadAssessmentsAny(file, csvLoadOptions(options));
      if (load.problems.length > 0) throw new InputError(load.problems);
      let selected = load.assessments;
      if (options.agency !== undefined) {
        selected = selected.filter((a) => a.assessment.agency.id === options.agency);
        if (selected.length === 0) {
          const all = load.assessments.map((a) => a.assessment.agency.id);
          const ids = didYouMean(options.agency, all) ?? `${all.slice(0, 8).join(", ")}${all.length > 8 ? `, … (${all.length} in all)` : ""}`;
          throw new InputError([{ code: "UNKNOWN_AGENCY", severity: "error", message: `no assessment of agency \`${options.agency}\` in the file`, hint: ids.startsWith("did you mean") ? ids : `agencies in it: ${ids}`, file, line: 1, column: 1 }]);
        }
      }
      if (selected.length > 1 && (options.format === "json" || options.format === "html")) {
        const ids = selected.map((a) => a.assessment.agency.id);
        throw new UsageError(`${file} holds ${selected.length} assessments; --format ${options.format} is the report of one agency`, `pick one with --agency (${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}), or use \`egov-maturity score ${file}\` for all of them`);
      }
      const render = reportRenderers[options.format]!;
      const reports = selected.map((a) => ({ report: score(a.rubric, a.assessment), lang: chooseLanguage(options.lang, a.rubric, a.assessment) }));
      emit(reports.map((r) => render(r.report, renderContext(options, r.lang))).join(options.format === "table" ? "\n" : ""), options);
    });
}
