/**
 * The assessment file format as zod schemas: loaded to word a problem and for the JSON Schema; a
 * valid file is recognised without them (core/assessment-guard.ts), and checked by core/assessment.ts.
 */
import { z } from "zod";
import { Fraction, IsoDate, LanguageCode, LocalisedTextSchema } from "./schema-parts.js";

/** One piece of evidence: a URL or a note (or both), with the date it was produced. */
export const EvidenceSchema = z.union([
  z.string().min(1).meta({ description: "A URL or a short note." }),
  z.strictObject({
    url: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    date: IsoDate.optional().meta({ description: "When the evidence was produced (YYYY-MM-DD)." }),
  }),
]);

/** The full form of an answer. */
export const AnswerObjectSchema = z.strictObject({
  level: z.number().nullable().optional().meta({ description: "Level criteria: a value of the rubric's scale (empty: unanswered)." }),
  value: z.union([z.number(), z.boolean()]).nullable().optional().meta({ description: "Number criteria: the measured value; boolean criteria: true or false (empty: unanswered)." }),
  na: z.union([z.string(), z.boolean(), z.null()]).optional().meta({ description: "Not applicable: the reason (required)." }),
  evidence: z.array(EvidenceSchema).optional(),
  notes: z.string().optional(),
});

/** An answer: a bare level, boolean or number (by the criterion's type), the full form, or empty (unanswered). */
export const AnswerSchema = z.union([z.number(), z.boolean(), z.null(), AnswerObjectSchema]);

/** One assessment of one agency (one YAML document). */
export const AssessmentSchema = z.strictObject({
  rubric: z.string().min(1).optional().meta({ description: "Rubric: id, id@major, id@version, or a path to a rubric file." }),
  agency: z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]+$/, "letters, digits, `.`, `_` and `-`").meta({ description: "Stable id of the agency." }),
    name: LocalisedTextSchema.optional(),
    groups: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: "Free keys for roll-ups: sector, region, level, ..." }),
  }),
  assessor: z.string().optional(),
  date: IsoDate.optional().meta({ description: "When the assessment was made (YYYY-MM-DD)." }),
  language: LanguageCode.optional().meta({ description: "Language of the answers' free text." }),
  targets: z.record(z.string(), Fraction).optional().meta({ description: "Per-dimension targets; override the rubric's." }),
  // `answers:` with nothing but comments under it is null: no answers, as `answers: {}`.
  answers: z.record(z.string(), AnswerSchema).nullable().optional(),
  summary: LocalisedTextSchema.optional().meta({ description: "The consultant's executive summary, first in the report." }),
  findings: z.record(z.string(), LocalisedTextSchema).optional().meta({ description: "The consultant's findings per dimension id, under each dimension in the report." }),
  context: LocalisedTextSchema.optional().meta({ description: "Scope, method, who was interviewed." }),
  session: z.record(z.string(), z.unknown()).optional().meta({ description: "A tool's own state (e.g. where `assess` stopped); every command ignores it." }),
});

export type AssessmentFile = z.infer<typeof AssessmentSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type AnswerObject = z.infer<typeof AnswerObjectSchema>;
