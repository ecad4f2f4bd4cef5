import { Option, type Command } from "commander";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { assessmentLoadOptions } from "../io/load-any.js";

/** The CSV options as commander gives them. */
export interface CsvCliOptions {
  rubric?: string;
  rubricRoot?: string;
  mapping?: string;
  map?: string[];
  where?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Adds the spreadsheet-input options to a command that reads assessments: `--mapping <file>`,
 * `--map <column=target>` and `--where <column=value>` (both repeatable).
 */
export function addCsvOptions(command: Command): Command {
  for (const option of csvOptions()) command.addOption(option);
  return command;
}

/** The spreadsheet-input options, to add one by one in a command's chain: `.addOption(o[0])`... */
export function csvOptions(): [mapping: Option, map: Option, where: Option] {
  return [
    new Option("--mapping <file>", "CSV input: a mapping file (YAML) from the table's columns to agency fields and criteria"),
    new Option("--map <column=target>", 'CSV input: map a column, e.g. "Online Service Index=osi" (targets: a criterion id, id, id-slug, name, date, group.<key>, - to ignore); repeatable').argParser(collect),
    new Option("--where <column=value>", 'CSV input: keep only rows whose column holds the value, e.g. "year=2022"; repeatable').argParser(collect),
  ];
}

/** The load options of a command's `--rubric`, `--mapping`, `--map` and `--where`. */
export function csvLoadOptions(options: CsvCliOptions): AssessmentLoadOptions {
  return assessmentLoadOptions(options);
}
