import type { Criterion, Dimension, Rubric } from "../core/rubric.js";
import { textOf } from "../render/context.js";

/** What every `init` format gets: the rubric and the details of the assessment to prepare. */
export interface InitData {
  rubric: Rubric;
  /** Language of the texts (the rubric's, falling back to its first). */
  lang: string;
  agencyId: string;
  agencyName?: string;
  /** The assessment's (or the workshop's) date, YYYY-MM-DD. */
  date: string;
  /** How the file names its rubric: an id or a path. */
  rubricRef: string;
  /** The output file's base name, for formats that name themselves (xlsx). */
  fileName?: string;
}

/** One answer box of a question: a level with its label and descriptor, or yes / no. */
export interface QuestionOption {
  value: string;
  label: string;
  descriptor?: string;
}

/** One criterion as a questionnaire asks it. */
export interface QuestionItem {
  /** "2.3": the dimension's number, then the criterion's. */
  number: string;
  id: string;
  title: string;
  question?: string;
  type: Criterion["type"];
  weight: number;
  /** The boxes to tick (level and boolean criteria). */
  options: QuestionOption[];
  unit?: string;
  /** Number criteria: how the value scores, in words the format fills in. */
  scoring?: { kind: "linear"; worst: number; best: number } | { kind: "bands"; bands: { min: number; score: number }[] };
  evidence?: string;
}

export interface QuestionSection {
  number: number;
  id: string;
  kind: Dimension["kind"];
  title: string;
  description?: string;
  items: QuestionItem[];
}

/** A printable questionnaire: the cover's facts, a section per dimension, and the evidence to request. */
export interface Questionnaire {
  lang: string;
  rubric: { id: string; version: string; title: string };
  agency: { id: string; name?: string };
  date: string;
  scale: { value: number; label: string }[];
  sections: QuestionSection[];
  /** Every criterion that names its evidence, in the order of the questions. */
  evidence: { number: string; id: string; title: string; evidence: string }[];
}

/** The questionnaire of a rubric in one language: the data the html and markdown formats render. */
export function questionnaire(data: InitData): Questionnaire {
  const { rubric, lang } = data;
  const tx = (x: Parameters<typeof textOf>[1]) => textOf(rubric, x, lang);
  const sections = rubric.dimensions.map((d, di): QuestionSection => {
    const items = d.criteria.map((c, ci): QuestionItem => {
      const options: QuestionOption[] =
        c.type === "level"
          ? rubric.scale.map((s) => ({ value: String(s.value), label: tx(s.label), ...(c.levels?.[String(s.value)] !== undefined ? { descriptor: tx(c.levels[String(s.value)]) } : {}) }))
          : c.type === "boolean"
            ? [
                { value: "true", label: "yes" },
                { value: "false", label: "no" },
              ]
            : [];
      const scoring: QuestionItem["scoring"] =
        c.type !== "number" ? undefined : c.bands !== undefined ? { kind: "bands", bands: c.bands.map((b) => ({ min: b.min, score: b.score })) } : c.direction === "lower" ? { kind: "linear", worst: c.max ?? 1, best: c.min ?? 0 } : { kind: "linear", worst: c.min ?? 0, best: c.max ?? 1 };
      return {
        number: `${di + 1}.${ci + 1}`,
        id: c.id,
        title: tx(c.title),
        ...(c.question !== undefined ? { question: tx(c.question) } : {}),
        type: c.type,
        weight: c.weight,
        options,
        ...(c.unit !== undefined ? { unit: c.unit } : {}),
        ...(scoring !== undefined ? { scoring } : {}),
        ...(c.evidence !== undefined ? { evidence: tx(c.evidence) } : {}),
      };
    });
    return { number: di + 1, id: d.id, kind: d.kind, title: tx(d.title), ...(d.description !== undefined ? { description: tx(d.description) } : {}), items };
  });
  return {
    lang,
    rubric: { id: rubric.id, version: rubric.version, title: tx(rubric.title) },
    agency: { id: data.agencyId, ...(data.agencyName !== undefined ? { name: data.agencyName } : {}) },
    date: data.date,
    scale: rubric.scale.map((s) => ({ value: s.value, label: tx(s.label) })),
    sections,
    evidence: sections.flatMap((s) => s.items.flatMap((i) => (i.evidence !== undefined ? [{ number: i.number, id: i.id, title: i.title, evidence: i.evidence }] : []))),
  };
}
