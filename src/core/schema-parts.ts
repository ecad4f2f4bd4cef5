import { z } from "zod";

/** A language code such as `en`, `ar` or `pt-BR`. */
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language code such as `en` or `ar`");

/** A plain string, or a map from language code to string. */
export const LocalisedTextSchema = z
  .union([z.string(), z.record(LanguageCode, z.string())])
  .meta({ description: "A text: a plain string, or a map from language code to string ({en: ..., ar: ...})." });

/** A fraction in [0, 1]. */
export const Fraction = z.number().min(0).max(1);

/** A weight: a positive finite number. */
export const Weight = z
  .number()
  .min(1e-6)
  .max(1e6)
  .meta({ description: "A positive weight, 0.000001 to 1,000,000 (beyond that, sums of weights lose precision)." });

/** An ISO calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date, YYYY-MM-DD")
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate(s), { message: "not a calendar date" });

/** True when `s` (YYYY-MM-DD) names a day that exists. */
export function isRealDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A problem as the `validate` and `score` JSON outputs print it (`check` prints its own, every field present). */
export const ProblemOutput = z.strictObject({
  code: z.string().meta({ description: "Stable machine code, e.g. YAML_SYNTAX, UNKNOWN_KEY, DUPLICATE_AGENCY." }),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  hint: z.string().optional(),
  file: z.string().optional(),
  line: z.int().min(1).optional(),
  column: z.int().min(1).optional(),
  document: z.int().min(0).optional(),
  sheet: z.string().optional().meta({ description: "In a workbook: the sheet; then `line` is the row and `column` the column of the cell." }),
});
