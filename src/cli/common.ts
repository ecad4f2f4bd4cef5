import { Option, type Command } from "commander";
import type { GlobalOptions } from "./output.js";

/** The options of a command merged with the program's global ones. */
export function optionsOf<T extends object>(command: Command): T & GlobalOptions {
  return command.optsWithGlobals<T & GlobalOptions>();
}

/** A `--format` option whose choices are a registry's names. */
export function formatOption(names: readonly string[], fallback: string): Option {
  return new Option("-f, --format <format>", "output format").choices([...names]).default(fallback);
}

/** A `--rubric` option. */
export function rubricOption(description = "rubric id (egov-maturity, egov-maturity@1) or path; overrides the file's `rubric:`"): Option {
  return new Option("-r, --rubric <id or path>", description);
}

/** The report's language (kept here for the commands that import it from the CLI). */
export { chooseLanguage } from "../i18n/language.js";
