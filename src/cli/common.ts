import { Option, type Command } from "commander";
import type { Assessment } from "../core/assessment.js";
import { UsageError } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { UI_LANGUAGES } from "../i18n/index.js";
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

/**
 * The report's language: --lang if given, else the assessment's `language` when the rubric has
 * texts in it, else the rubric's first language.
 */
export function chooseLanguage(requested: string | undefined, rubric: Rubric, assessment?: Assessment): string {
  if (requested !== undefined) {
    const lang = requested.toLowerCase();
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang)) throw new UsageError(`--lang ${requested} is not a language code`, "use a code such as en or ar");
    if (!rubric.languages.includes(lang) && !UI_LANGUAGES.includes(lang)) {
      throw new UsageError(`--lang ${requested}: rubric ${rubric.id} has no texts in that language`, `its languages: ${rubric.languages.join(", ")}`);
    }
    return lang;
  }
  if (assessment?.language !== undefined && rubric.languages.includes(assessment.language)) return assessment.language;
  return rubric.languages[0] ?? "en";
}
