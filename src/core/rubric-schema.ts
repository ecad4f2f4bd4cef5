/**
 * The rubric file formats as zod schemas: loaded only to validate a rubric that is not a built-in one
 * (those are validated at build time) and to word a problem; core/rubric.ts holds the loaded shapes.
 */
import { z } from "zod";
import { Fraction, LanguageCode, LocalisedTextSchema, Weight } from "./schema-parts.js";

const RubricId = z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and `-`");
const DimensionId = z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and `-`");
const CriterionId = z.string().regex(/^[a-z0-9.-]+$/, "lower-case letters, digits, `.` and `-`");
const SemVer = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "a semantic version such as 1.0.0");

/** A prerequisite gate of a stage: the named prerequisite must score at least `min`. */
export const DimensionGateSchema = z.strictObject({
  dimension: DimensionId.meta({ description: "Id of a dimension of kind `prerequisite`." }),
  min: Fraction.meta({ description: "The lowest score of the prerequisite that lets the stage be attained." }),
  text: z.string().optional().meta({ description: "The requirement in words, as `rubric show --format json` writes it: for readers; never read when scoring." }),
});

/** A criterion gate of a stage: the named criterion must score at least `min` (or be N/A); unanswered fails. */
export const CriterionGateSchema = z.strictObject({
  criterion: CriterionId.meta({ description: "Id of a criterion of the rubric (any dimension)." }),
  min: Fraction.meta({ description: "The lowest criterion score that lets the stage be attained: 1 for `yes`, 0.75 for level 3 of 0–4." }),
  text: DimensionGateSchema.shape.text,
});

/** A gate: a prerequisite dimension's score, or one criterion's score. */
export const GateSchema = z.union([DimensionGateSchema, CriterionGateSchema]);

/** A score band of a number criterion: values >= `min` score `score` (first match, highest `min` first). */
export const BandSchema = z.strictObject({ min: z.number(), score: Fraction });

const criterionShape = {
  id: CriterionId.meta({ description: "Unique in the rubric." }),
  title: LocalisedTextSchema,
  question: LocalisedTextSchema.optional(),
  description: LocalisedTextSchema.optional(),
  weight: Weight.optional().meta({ description: "Share within the dimension. @default 1" }),
  type: z.enum(["level", "boolean", "number"]).optional().meta({ description: "@default level" }),
  levels: z
    .record(z.string().regex(/^\d+$/, "a scale value"), LocalisedTextSchema)
    .optional()
    .meta({ description: "Level criteria: one observable descriptor per scale value." }),
  evidence: LocalisedTextSchema.optional().meta({ description: "What to ask for as proof." }),
  recommendation: LocalisedTextSchema.optional().meta({ description: "How to move up." }),
  tags: z.array(z.string()).optional(),
  unit: z.string().optional(),
  min: z.number().optional().meta({ description: "Number criteria, linear scoring: the value that scores 0." }),
  max: z.number().optional().meta({ description: "Number criteria, linear scoring: the value that scores 1." }),
  direction: z.enum(["higher", "lower"]).optional().meta({ description: "Linear scoring only. @default higher" }),
  bands: z.array(BandSchema).optional().meta({ description: "Number criteria: score bands, highest min first." }),
  range: z
    .tuple([z.number().nullable(), z.number().nullable()])
    .optional()
    .meta({ description: "Number criteria: the admissible values [lowest, highest], bounds included; null for an open end ([0, null]: any value ≥ 0). A value outside is refused (VALUE_OUT_OF_RANGE), not clamped." }),
  refs: z
    .array(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*:\S+$/, "`FRAMEWORK:indicator`, e.g. `GTMI:I-30`"))
    .optional()
    .meta({ description: "International indicators the criterion corresponds to: `UN-OSI:…`, `UN-LOSI:…`, `GTMI:I-…`, `OECD-DGI:…`." }),
};

/** A criterion as written in a rubric file. */
export const CriterionSchema = z.strictObject(criterionShape);

const dimensionShape = {
  id: DimensionId,
  kind: z.enum(["stage", "prerequisite", "pillar"]),
  title: LocalisedTextSchema,
  description: LocalisedTextSchema.optional(),
  weight: Weight.optional().meta({ description: "Share of the overall index. @default 1" }),
  threshold: Fraction.optional().meta({ description: "Stages only: attained at or above this score. @default 0.6" }),
  target: Fraction.optional().meta({ description: "Default target of the gap report. @default threshold, or 1" }),
  requires: z.array(GateSchema).optional().meta({ description: "Stages only: gates on a prerequisite's score or on one criterion's score." }),
  criteria: z.array(CriterionSchema).min(1),
};

/** A dimension as written in a rubric file. */
export const DimensionSchema = z.strictObject(dimensionShape);

const ScaleStep = z.strictObject({ value: z.int().min(0), label: LocalisedTextSchema });
const ClassBand = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]+$/), min: Fraction, label: LocalisedTextSchema });

const SchemaVersion = z.literal(1).optional().meta({ description: "Version of the rubric JSON format, as `rubric show --format json` writes it; a rubric file may leave it out." });

const rubricShape = {
  schemaVersion: SchemaVersion,
  id: RubricId,
  version: SemVer,
  languages: z.array(LanguageCode).min(1).meta({ description: "Languages the texts provide; the first is the default." }),
  title: LocalisedTextSchema,
  description: LocalisedTextSchema.optional(),
  source: LocalisedTextSchema.optional(),
  scale: z.array(ScaleStep).min(2).meta({ description: "The ordinal scale of level criteria." }),
  display: z.enum(["percent", "fraction"]).optional().meta({ description: "How human formats show scores. @default percent" }),
  classification: z.array(ClassBand).optional().meta({ description: "Bands over the overall index, highest first." }),
  dimensions: z.array(DimensionSchema).min(1),
};

/** A complete rubric file (one that does not extend another). */
export const RubricFileSchema = z.strictObject(rubricShape);

/** A rubric file that extends another: overrides, additions and removals. */
export const RubricExtensionSchema = z.strictObject({
  schemaVersion: SchemaVersion,
  id: RubricId,
  extends: z.string().min(1).meta({ description: "Id (id, id@major, id@version) or relative path of the rubric to extend." }),
  version: SemVer.optional(),
  languages: rubricShape.languages.optional(),
  title: LocalisedTextSchema.optional(),
  description: LocalisedTextSchema.optional(),
  source: LocalisedTextSchema.optional(),
  scale: rubricShape.scale.optional(),
  display: rubricShape.display,
  classification: rubricShape.classification,
  dimensions: z
    .array(
      z.strictObject({
        ...dimensionShape,
        kind: dimensionShape.kind.optional(),
        title: LocalisedTextSchema.optional(),
        criteria: z.array(z.strictObject({ ...criterionShape, title: LocalisedTextSchema.optional() })).optional(),
      }),
    )
    .optional()
    .meta({ description: "Dimensions to override (by id) or add; their criteria are overridden (by id) or added." }),
  remove: z.array(z.string()).optional().meta({ description: "Ids of criteria (or dimensions) of the base rubric to drop." }),
});

/** Any rubric file: complete, or extending another. */
export const AnyRubricFileSchema = z.union([RubricFileSchema, RubricExtensionSchema]);

export type RubricFile = z.infer<typeof RubricFileSchema>;
export type RubricExtension = z.infer<typeof RubricExtensionSchema>;
export type Gate = z.infer<typeof GateSchema>;
export type Band = z.infer<typeof BandSchema>;
