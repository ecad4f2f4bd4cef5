import { dirname, resolve } from "node:path";
import { checkAssessment, type Assessment } from "../core/assessment.js";
import { isAssessmentFile } from "../core/assessment-guard.js";
import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { fullPath } from "./full-path.js";
import type { CsvMappingOptions } from "./csv-mapping.js";
import { readTextFile } from "./read.js";
import { noteInput } from "./write.js";
import { fastParseJson } from "./fast-json.js";
import { decodeBytes, type FastText } from "./fast-read.js";
import { fastParseYaml, type SourceForm } from "./fast-yaml.js";
import { scanAssessmentJson } from "./scan-json.js";
import { LIMITS, valuesPastLimit } from "./yaml-limits.js";
import { loadAssessmentRubric, type loadRubric } from "./rubric-load.js";
import type { ParsedDocument } from "./yaml.js";

/** One valid assessment out of a file (a file may hold several documents). */
export interface LoadedAssessment {
  file: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
  assessment: Assessment;
  rubric: Rubric;
  /** The parsed document, to point at answers' lines (annotations). */
  parsed: ParsedDocument;
}

export interface AssessmentLoad {
  assessments: LoadedAssessment[];
  problems: Problem[];
}

export interface AssessmentLoadOptions {
  /** A rubric reference that overrides the files' own (relative to the working directory). */
  rubric?: string;
  /** The folder that `rubric:` paths in files must stay inside (DESIGN.md §2); default: the working folder. */
  rubricRoot?: string;
  /** Spreadsheet (CSV) inputs: the mapping file and `--map` / `--where` entries (see io/csv-mapping.ts). */
  mapping?: CsvMappingOptions;
  /** Rubrics resolved so far: pass one map to every call of a batch and each rubric is loaded once. */
  rubricCache?: RubricCache;
  /** Answers without their evidence and notes (a batch shows neither; core/assessment.ts CheckOptions). */
  scoresOnly?: boolean;
}

/** Rubrics resolved so far, by base folder and reference. */
export type RubricCache = Map<string, ReturnType<typeof loadRubric>>;

/** A file's rubric (`loadAssessmentRubric`), through the options' cache when there is one. */
export function rubricFor(ref: string, file: string, options: AssessmentLoadOptions): ReturnType<typeof loadRubric> {
  const cache = options.rubricCache;
  if (cache === undefined) return loadAssessmentRubric(ref, file, options);
  // The folder a `rubric:` path is relative to (the working folder for `--rubric`), and the reference.
  const key = `${options.rubric !== undefined ? "" : dirname(resolve(file))}\u0000${ref}`;
  let loaded = cache.get(key);
  if (loaded === undefined) {
    loaded = loadAssessmentRubric(ref, file, options);
    cache.set(key, loaded);
  }
  return loaded;
}

/** What kind of document a parsed value is: detected by its keys. */
export function documentKind(value: unknown): "rubric" | "assessment" | "unknown" {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "unknown";
  if ("dimensions" in value || "scale" in value || "extends" in value) return "rubric";
  if ("agency" in value || "answers" in value) return "assessment";
  return "unknown";
}

/** Agency id and date of a raw document, the identity of an assessment; undefined without an id. */
export function sameAssessmentKey(value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value.agency) || typeof value.agency.id !== "string") return undefined;
  return `${value.agency.id}\u0000${String(value.date ?? "")}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The fast path: a file in the fast readers' subset (YAML or JSON) whose every document is a valid
 * assessment is validated without zod and without source positions, by the same answer checks as the
 * full path; its parsed documents (positions) are built only if something asks for them. Undefined as
 * soon as anything would be a problem: the full path then finds and places every problem.
 */
export function fastLoad(text: string, file: string, options: AssessmentLoadOptions, form?: SourceForm): AssessmentLoad | undefined {
  // Past the cap on values, the full path words the problem (TOO_MANY_VALUES) before it parses anything.
  if (valuesPastLimit(text, LIMITS.maxValues) >= 0) return undefined;
  // A batch's JSON is read without building the evidence and notes it does not show (io/scan-json.ts).
  const scanned = options.scoresOnly === true && form?.clean === true ? scanAssessmentJson(text, form) : undefined;
  // A batch's YAML is read without building the one-line evidence and notes it does not show (io/fast-yaml-skip.ts).
  const values = scanned !== undefined ? [scanned] : (fastParseJson(text, form) ?? fastParseYaml(text, options.scoresOnly === true ? { ...(form ?? { bytes: false, clean: false }), scoresOnly: true } : form));
  if (values === undefined) return undefined;
  const assessments: LoadedAssessment[] = [];
  const seen = new Set<string>();
  let stream: ParsedDocument[] | undefined;
  // A file past LIMITS.maxPlacedValues is not parsed with positions: its documents are unplaced (line 1).
  const parsedAt = (index: number) => (stream ??= fullPath().parseYamlStream(form?.bytes === true ? decodeBytes(text) : text, file).documents).find((d) => d.index === index) ?? fullPath().unplacedDocument(index, values[index]);
  for (let document = 0; document < values.length; document++) {
    const value = values[document];
    if (value === null || value === undefined) continue;
    if (documentKind(value) !== "assessment" || !isAssessmentFile(value)) return undefined;
    const key = sameAssessmentKey(value);
    if (key === undefined || seen.has(key)) return undefined;
    seen.add(key);
    const ref = options.rubric ?? value.rubric;
    if (ref === undefined) return undefined;
    const loaded = rubricFor(ref, file, options);
    if (loaded.problem || !loaded.rubric) return undefined;
    const checked = checkAssessment(value, loaded.rubric, options);
    if (checked.problems.length > 0) return undefined;
    assessments.push({ file, document, assessment: checked.assessment, rubric: loaded.rubric, parsed: new LazyDocument(document, value, parsedAt) });
  }
  return assessments.length > 0 ? { assessments, problems: [] } : undefined;
}

/**
 * A parsed document whose YAML nodes and positions are built on first use. A class, not an object
 * literal with getters: a literal with accessors costs a new map and accessor pairs per file, and a
 * batch promoted some 10 KB per file to the old generation because of it.
 */
class LazyDocument implements ParsedDocument {
  constructor(
    readonly index: number,
    readonly value: unknown,
    private readonly parse: (index: number) => ParsedDocument,
  ) {}

  get doc(): ParsedDocument["doc"] {
    return this.parse(this.index).doc;
  }

  get lineCounter(): ParsedDocument["lineCounter"] {
    return this.parse(this.index).lineCounter;
  }
}

/**
 * A file read by `readTextFast` (clean), loaded: the fast path on its bytes, then on its decoded text
 * (a scalar with an escaped non-ASCII character declines from bytes only), else the full path.
 */
export function fastLoadRead(read: FastText, file: string, options: AssessmentLoadOptions): AssessmentLoad {
  const fast = fastLoad(read.text, file, options, read);
  if (fast !== undefined) return fast;
  const text = read.bytes ? decodeBytes(read.text) : read.text;
  const again = read.bytes ? fastLoad(text, file, options, { bytes: false, clean: true }) : undefined;
  if (again !== undefined) return again;
  // As `readTextFile` would have: the file is an input no output may replace.
  noteInput(file);
  return fullPath().loadAssessmentStream(text, file, options);
}

/** Reads a YAML stream of assessments from text: the fast path when it applies, else the full parse. */
export function loadAssessmentText(text: string, file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  return fastLoad(text, file, options) ?? fullPath().loadAssessmentStream(text, file, options);
}

/** Reads and validates every assessment in a file. Never throws for bad input: problems are returned. */
export function loadAssessmentFile(file: string, options: AssessmentLoadOptions = {}): AssessmentLoad {
  const read = readTextFile(file);
  if (read.text === undefined) return { assessments: [], problems: read.problems };
  return loadAssessmentText(read.text, file, options);
}
