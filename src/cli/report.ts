import type { Command } from "commander";
import { reportRenderers } from "../report/formats/index.js";
import { requireOne, scoreReports, type ReportOptions } from "../report/run.js";
import { formatOption, optionsOf, rubricOption } from "./common.js";
import { addCsvOptions } from "./csv-options.js";
import { emit, renderContext } from "./output.js";

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
  addCsvOptions(command).action(async (file: string, _opts: unknown, command: Command) => {
    const options = optionsOf<ReportOptions & { format: string }>(command);
    let reports = await scoreReports(file, options);
    // json and html are the report of one agency.
    if (options.format === "json" || options.format === "html") reports = [requireOne(file, reports, options.format)];
    const render = reportRenderers[options.format]!;
    emit(reports.map((r) => render(r.report, renderContext(options, r.lang))).join(options.format === "table" ? "\n" : ""), options);
  });
}
