import type { Command } from "commander";
import { Option } from "commander";
import { UsageError } from "../core/problems.js";
import { REPORT_BINARY_FORMATS, REPORT_TEXT_FORMATS, reportWriter } from "../report/formats/lazy.js";
import { requireOne, scoreReportsWarning, type ReportOptions } from "../report/run.js";
import { formatOption, optionsOf, rubricOption } from "./common.js";
import { addCsvOptions } from "./csv-options.js";
import { emit, emitBytes, printProblems, refuseTerminal, renderContext } from "./output.js";

/** `--top N`: a whole number of at least 1. */
function topCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new UsageError(`--top needs a whole number of at least 1, got \`${value}\``, "e.g. --top 10");
  return n;
}

/** `report <assessment>`: the gap report of one agency. */
export function registerReport(program: Command): void {
  const command = program
    .command("report")
    .summary("the gap report of one agency")
    .description("print the gap report of one agency: index, class, stage and what blocks the next, dimensions against targets, largest gaps, roadmap")
    .argument("<assessment>", "assessment file (YAML; several documents: one report each, or pick one with --agency), or a CSV table (one row per agency)")
    .addOption(formatOption([...REPORT_TEXT_FORMATS, ...REPORT_BINARY_FORMATS], "table"))
    .addOption(rubricOption())
    .option("-a, --agency <id>", "in a file with several assessments, report only this agency")
    .addOption(new Option("--top <n>", "the gap list shows at most N criteria (default: every criterion below its dimension's target)").argParser(topCount))
    .option("--all-criteria", "the gap list shows every criterion below its full score, not only those below their dimension's target")
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity report examples/passport-directorate.yaml
  $ egov-maturity report examples/health-ministry.yaml --format json --output moh.json
  $ egov-maturity report examples/municipality-north.yaml --lang en
  $ egov-maturity report examples/passport-directorate.yaml --format docx --output passports.docx
  $ egov-maturity report examples/passport-directorate.yaml --format markdown --all-criteria --top 20
  $ egov-maturity report agencies.yaml --agency moh
  $ egov-maturity report test/fixtures/data/un-egdi-2022.csv --mapping examples/composite/un-egdi-2022.mapping.yaml --agency estonia`,
    );
  addCsvOptions(command).action(async (file: string, _opts: unknown, command: Command) => {
    const options = optionsOf<ReportOptions & { format: string; top?: number; allCriteria?: boolean }>(command);
    const binary = (REPORT_BINARY_FORMATS as readonly string[]).includes(options.format);
    if (binary) refuseTerminal(options, options.format);
    // --agency X reports X when another document of the file is invalid; that one's problems are warnings.
    const scored = await scoreReportsWarning(file, options);
    printProblems(scored.warnings);
    let reports = scored.reports;
    // json, html and docx are the report of one agency.
    if (options.format === "json" || options.format === "html" || binary) reports = [requireOne(file, reports, options.format)];
    const context = (lang: string) => ({ ...renderContext(options, lang), ...(options.top !== undefined ? { top: options.top } : {}), ...(options.allCriteria === true ? { allCriteria: true } : {}) });
    // The format's module is loaded only now (report/formats/lazy.ts).
    const writer = await reportWriter(options.format);
    if (writer === undefined) throw new Error(`internal: no writer for --format ${options.format}`);
    if ("binary" in writer) {
      const only = reports[0]!;
      emitBytes(await writer.binary(only.report, context(only.lang)), options, options.format);
      return;
    }
    emit(reports.map((r) => writer.text(r.report, context(r.lang))).join(options.format === "table" ? "\n" : ""), options);
  });
}
