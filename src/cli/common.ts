import { InvalidArgumentError, Option, type Command } from "commander";
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

/**
 * `--lang`, parsed once for every command: any case (`AR` is `ar`), and a language code or a usage
 * error (exit 2) before the command runs. Whether the rubric has texts in it is checked by
 * chooseLanguage, the same way in every command, once the rubric is known.
 */
export function parseLang(value: string): string {
  const lang = value.toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang)) throw new InvalidArgumentError("not a language code; use a code such as en or ar.");
  return lang;
}
