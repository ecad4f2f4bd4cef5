import { Option, type Command } from "commander";
import { DEFAULT_STALE_AFTER_DAYS } from "../core/compare.js";
import { compareBinaryFormats, compareFormats } from "../compare/formats/index.js";
import { runCompare, type CompareOptions } from "../compare/run.js";
import { formatOption, optionsOf, rubricOption } from "./common.js";
import { emit, emitBytes, refuseTerminal, renderContext } from "./output.js";

/** `compare <before> <after> [more...]`: progress of one agency over time. */
export function registerCompare(program: Command): void {
  program
    .command("compare")
    .summary("one agency's progress over time")
    .description("progress of one agency over time: index, class and stage before and after, deltas per dimension, improved and regressed criteria, evidence, the earlier roadmap's steps done; with more than two assessments, a trend")
    .argument("<before>", "an assessment file of the agency (files are ordered by their `date`, not by position)")
    .argument("<after>", "a later assessment file of the same agency")
    .argument("[more...]", "more assessments of the agency, for a trend")
    .addOption(formatOption([...Object.keys(compareFormats), ...Object.keys(compareBinaryFormats)], "table"))
    .addOption(rubricOption())
    .option("-a, --agency <id>", "compare only this agency's assessments (files holding several agencies)")
    .addOption(new Option("--stale-after <days>", "evidence older than this many days at the latest assessment's date is stale").default(String(DEFAULT_STALE_AFTER_DAYS)))
    .addHelpText(
      "after",
      `
Examples:
  $ egov-maturity compare examples/history/*.yaml
  $ egov-maturity compare 2025.yaml 2026.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ egov-maturity compare examples/history/*.yaml --format html --lang ar --output progress.html
  $ egov-maturity compare 2024.yaml 2026.yaml --stale-after 730 --format json
  $ egov-maturity compare examples/history/*.yaml --format docx --output progress.docx`,
    )
    .action(async (before: string, after: string, more: string[], _opts: unknown, command: Command) => {
      const options = optionsOf<CompareOptions & { format: string }>(command);
      const binary = compareBinaryFormats[options.format];
      if (binary) refuseTerminal(options, options.format);
      const { comparison, lang } = await runCompare([before, after, ...more], options);
      if (binary) emitBytes(await binary(comparison, renderContext(options, lang)), options, options.format);
      else emit(compareFormats[options.format]!(comparison, renderContext(options, lang)), options);
    });
}
