import type { Assessment } from "../core/assessment.js";
import { UsageError } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { UI_LANGUAGES } from "./index.js";

/**
 * The report's language: `requested` (--lang, any case) if given, else the assessment's `language`
 * when the rubric has texts in it, else the rubric's first language. A requested language that is
 * not a language code, or that neither the rubric nor the tool speaks, is a usage error — the same
 * check in every command.
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
