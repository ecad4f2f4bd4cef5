import type { LocalisedText } from "./text.js";
import type { Band, Gate } from "./rubric-schema.js";

export type { RubricFile, RubricExtension, Gate, Band } from "./rubric-schema.js";
export type DimensionKind = "stage" | "prerequisite" | "pillar";
export type CriterionType = "level" | "boolean" | "number";

/** A criterion with every default applied. */
export interface Criterion {
  id: string;
  dimension: string;
  title: LocalisedText;
  question?: LocalisedText;
  description?: LocalisedText;
  weight: number;
  type: CriterionType;
  levels?: Readonly<Record<string, LocalisedText>>;
  evidence?: LocalisedText;
  recommendation?: LocalisedText;
  tags: readonly string[];
  unit?: string;
  min?: number;
  max?: number;
  direction: "higher" | "lower";
  bands?: readonly Band[];
  /** Admissible values, bounds included; null for an open end. */
  range?: readonly [number | null, number | null];
  /** International indicators it corresponds to (`GTMI:PSDI`, `OECD-DGI:user-driven`). */
  refs?: readonly string[];
}

/** A dimension with every default applied. */
export interface Dimension {
  id: string;
  kind: DimensionKind;
  title: LocalisedText;
  description?: LocalisedText;
  weight: number;
  /** Stages only; 0.6 unless set. */
  threshold?: number;
  target: number;
  requires: readonly Gate[];
  criteria: readonly Criterion[];
}

export interface ScaleStepT {
  value: number;
  label: LocalisedText;
}

export interface ClassBandT {
  id: string;
  min: number;
  label: LocalisedText;
}

/** A loaded, validated rubric with every default applied and `extends` resolved. */
export interface Rubric {
  id: string;
  version: string;
  languages: readonly string[];
  title: LocalisedText;
  description?: LocalisedText;
  source?: LocalisedText;
  scale: readonly ScaleStepT[];
  /** The highest scale value: a level scores value / maxLevel. */
  maxLevel: number;
  display: "percent" | "fraction";
  classification: readonly ClassBandT[];
  dimensions: readonly Dimension[];
  /** Every criterion by id. */
  criteria: ReadonlyMap<string, Criterion>;
  /** Content digest (12 hex digits of SHA-256 of the normalised rubric), set by the loader (io/rubric-digest.ts). */
  digest?: string;
}

/** The default language of a rubric. */
export function defaultLanguage(rubric: Pick<Rubric, "languages">): string {
  return rubric.languages[0] ?? "en";
}
