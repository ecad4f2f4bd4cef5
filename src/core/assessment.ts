import { problemAt, type Problem } from "./problems.js";
import type { Criterion, Rubric } from "./rubric.js";
import type { AnswerObject, AssessmentFile } from "./assessment-schema.js";
import { invisibleNote } from "./invisible.js";
import { didYouMean } from "./suggest.js";
import type { LocalisedText } from "./text.js";

export type { AssessmentFile, Evidence } from "./assessment-schema.js";

/** An answer reduced to what scoring needs. */
export type AnswerValue =
  | { kind: "level"; level: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number }
  | { kind: "na"; reason: string }
  | { kind: "unanswered" };

/** A normalised answer: its value plus the evidence and notes that came with it. */
export interface Answer {
  answer: AnswerValue;
  evidence: { url?: string; note?: string; date?: string }[];
  notes?: string;
}

/** A validated assessment, answers normalised against its rubric. */
export interface Assessment {
  rubric?: string;
  agency: { id: string; name?: string | Readonly<Record<string, string>>; groups: Readonly<Record<string, string>> };
  assessor?: string;
  date?: string;
  language?: string;
  targets: Readonly<Record<string, number>>;
  answers: ReadonlyMap<string, Answer>;
  /** The consultant's words: executive summary, findings per dimension id, context. */
  narrative?: Narrative;
}

/** The consultant's own words in an assessment, localised like every text. */
export interface Narrative {
  summary?: LocalisedText;
  findings: Readonly<Record<string, LocalisedText>>;
  context?: LocalisedText;
}

/** True when a number lies outside a criterion's declared range (bounds included; null bounds open). */
export function outOfRange(value: number, range: readonly [number | null, number | null] | undefined): boolean {
  if (range === undefined) return false;
  const [low, high] = range;
  return (low !== null && value < low) || (high !== null && value > high);
}

/** How `checkAssessment` normalises. */
export interface CheckOptions {
  /**
   * Keep only what scores need: no evidence or notes on the answers (a batch shows neither). The
   * problems found are the same.
   */
  scoresOnly?: boolean;
}

/** The evidence of every answer of a scores-only assessment: none kept. */
const NO_EVIDENCE: Answer["evidence"] = Object.freeze([]) as unknown as Answer["evidence"];


// Answer values are never changed once made: the common ones are made once, not once per answer of
// every agency of a batch.
const UNANSWERED: AnswerValue = Object.freeze({ kind: "unanswered" });
const YES: AnswerValue = Object.freeze({ kind: "boolean", value: true });
const NO: AnswerValue = Object.freeze({ kind: "boolean", value: false });
const LEVELS: AnswerValue[] = [];

/** The value of a level answer: made once for each whole level from 0 to 100 (a scale's values). */
function levelValue(level: number): AnswerValue {
  if (!Number.isInteger(level) || level < 0 || level > 100 || Object.is(level, -0)) return { kind: "level", level };
  return (LEVELS[level] ??= Object.freeze({ kind: "level", level }));
}

/** A scores-only answer (no evidence, no notes) by its value: one for each shared value. */
const UNANSWERED_ONLY: Answer = Object.freeze({ answer: UNANSWERED, evidence: NO_EVIDENCE }) as Answer;
const YES_ONLY: Answer = Object.freeze({ answer: YES, evidence: NO_EVIDENCE }) as Answer;
const NO_ONLY: Answer = Object.freeze({ answer: NO, evidence: NO_EVIDENCE }) as Answer;
const LEVELS_ONLY: Answer[] = [];

function scoresOnlyAnswer(answer: AnswerValue): Answer {
  if (answer === UNANSWERED) return UNANSWERED_ONLY;
  if (answer === YES) return YES_ONLY;
  if (answer === NO) return NO_ONLY;
  if (answer.kind === "level" && LEVELS[answer.level] === answer) return (LEVELS_ONLY[answer.level] ??= Object.freeze({ answer, evidence: NO_EVIDENCE }) as Answer);
  return { answer, evidence: NO_EVIDENCE };
}

/** One answer's value checked against its criterion; undefined (and a problem) when it does not fit. */
function checkAnswer(id: string, criterion: Criterion, full: AnswerObject | undefined, bare: number | boolean | null | undefined, scaleValues: readonly number[], problems: Problem[]): AnswerValue | undefined {
  if (full !== undefined && full.na !== undefined) {
    if (typeof full.na !== "string" || full.na.trim() === "") {
      problems.push(problemAt(["answers", id, "na"], "NA_REASON_REQUIRED", `N/A for \`${id}\` needs a reason`, 'write the reason: `na: "The agency does not ..."`'));
    } else if (full.level != null || full.value != null) {
      problems.push(problemAt(["answers", id, "na"], "CONFLICTING_ANSWER", `\`${id}\` is answered and marked N/A at once`, "keep either the answer or `na`", true));
    } else return { kind: "na", reason: full.na };
    return undefined;
  }
  const given = bare ?? (criterion.type === "level" ? full?.level : full?.value);
  const wrongKey = criterion.type === "level" ? "value" : "level";
  if (full !== undefined && full[wrongKey] != null) {
    problems.push(problemAt(["answers", id, wrongKey], "WRONG_ANSWER_KEY", `\`${id}\` is a ${criterion.type} criterion: its answer goes under \`${criterion.type === "level" ? "level" : "value"}\``, undefined, true));
    return undefined;
  }
  if (given === undefined || given === null) return UNANSWERED;
  const at = () => (bare !== undefined ? ["answers", id] : ["answers", id, criterion.type === "level" ? "level" : "value"]);
  if (criterion.type === "level") {
    if (typeof given !== "number") {
      problems.push(problemAt(at(), "WRONG_ANSWER_TYPE", `\`${id}\` is a level criterion: expected a level, got ${JSON.stringify(given)}`, `allowed levels: ${scaleValues.join(", ")}`));
    } else if (!scaleValues.includes(given)) {
      problems.push(problemAt(at(), "LEVEL_OUT_OF_RANGE", `level ${given} of \`${id}\` is not on the scale`, `allowed levels: ${scaleValues.join(", ")}`));
    } else return levelValue(given);
    return undefined;
  }
  if (criterion.type === "boolean") {
    if (typeof given !== "boolean") problems.push(problemAt(at(), "WRONG_ANSWER_TYPE", `\`${id}\` is a yes/no criterion: expected true or false, got ${JSON.stringify(given)}`, "answer `true` or `false`"));
    else return given ? YES : NO;
    return undefined;
  }
  if (typeof given !== "number" || !Number.isFinite(given)) {
    problems.push(problemAt(at(), "WRONG_ANSWER_TYPE", `\`${id}\` is a number criterion: expected a finite number${criterion.unit ? ` (${criterion.unit})` : ""}, got ${JSON.stringify(given)}`));
  } else if (outOfRange(given, criterion.range)) {
    const [low, high] = criterion.range ?? [null, null];
    const unit = criterion.unit ? (criterion.unit === "%" ? "%" : ` ${criterion.unit}`) : "";
    const admitted = low !== null && high !== null ? `${low}${unit} to ${high}${unit}` : low !== null ? `${low}${unit} or more` : `${high}${unit} or less`;
    problems.push(problemAt(at(), "VALUE_OUT_OF_RANGE", `${given}${unit} is outside the admissible values of \`${id}\` (${admitted})`, criterion.unit === "%" ? "check the value: a percentage is written as 62, not 0.62" : "check the value and its unit"));
  } else return { kind: "number", value: given };
  return undefined;
}

/**
 * Checks the answers of a schema-valid assessment against its rubric and normalises them.
 * Problems: unknown criterion or dimension ids (with "did you mean"), answers of the wrong type,
 * levels outside the scale (with the allowed values), numbers outside a declared `range`, N/A without
 * a reason, empty evidence.
 */
export function checkAssessment(file: AssessmentFile, rubric: Rubric, options: CheckOptions = {}): { assessment: Assessment; problems: Problem[] } {
  const problems: Problem[] = [];
  const answers = new Map<string, Answer>();
  // A loop, not `map`: see evaluateGates in stages.ts (an optimised `map` makes another array shape).
  const scaleValues: number[] = [];
  for (const s of rubric.scale) scaleValues.push(s.value);
  const keepTexts = options.scoresOnly !== true;
  const all = file.answers ?? {};
  for (const id in all) {
    if (!Object.prototype.hasOwnProperty.call(all, id)) continue;
    const raw = all[id];
    const criterion = rubric.criteria.get(id);
    if (criterion === undefined) {
      problems.push(problemAt(["answers", id], "UNKNOWN_CRITERION", `\`${id}\` is not a criterion of rubric ${rubric.id}@${rubric.version}${invisibleNote(id)}`, didYouMean(id, rubric.criteria.keys()) ?? "`egov-maturity rubric show` with the rubric's id or path lists its criteria", true));
      continue;
    }
    const full = raw !== null && typeof raw === "object" ? raw : undefined;
    const bare = raw === null || typeof raw !== "object" ? raw : undefined;
    if (full?.evidence !== undefined) {
      for (let k = 0; k < full.evidence.length; k++) {
        const e = full.evidence[k]!;
        if (typeof e === "object" && e.url === undefined && e.note === undefined) problems.push(problemAt(["answers", id, "evidence", k], "EVIDENCE_EMPTY", "evidence needs a `url` or a `note`"));
      }
    }
    const answer = checkAnswer(id, criterion, full, bare, scaleValues, problems);
    if (answer === undefined) continue;
    if (!keepTexts) {
      answers.set(id, scoresOnlyAnswer(answer));
      continue;
    }
    const entry: Answer = { answer, evidence: (full?.evidence ?? []).map((e) => (typeof e === "string" ? (/^[a-z][a-z0-9+.-]*:/i.test(e) ? { url: e } : { note: e }) : e)) };
    if (full?.notes !== undefined) entry.notes = full.notes;
    answers.set(id, entry);
  }

  const dimensionIds = rubric.dimensions.map((d) => d.id);
  for (const block of ["targets", "findings"] as const) {
    for (const key of Object.keys(file[block] ?? {})) {
      if (!dimensionIds.includes(key)) problems.push(problemAt([block, key], "UNKNOWN_DIMENSION", `\`${key}\` is not a dimension of rubric ${rubric.id}${invisibleNote(key)}`, didYouMean(key, dimensionIds) ?? `dimensions: ${dimensionIds.join(", ")}`, true));
    }
  }

  // Without a prototype: a rubric's dimension `constructor` or `--group-by toString` must not find Object's members.
  const groups: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(file.agency.groups ?? {})) groups[key] = String(value);
  const targets: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, file.targets ?? {});
  const assessment: Assessment = { agency: { id: file.agency.id, groups }, targets, answers };
  if (file.agency.name !== undefined) assessment.agency.name = file.agency.name;
  if (file.rubric !== undefined) assessment.rubric = file.rubric;
  if (file.assessor !== undefined) assessment.assessor = file.assessor;
  if (file.date !== undefined) assessment.date = file.date;
  if (file.language !== undefined) assessment.language = file.language;
  if (file.summary !== undefined || file.findings !== undefined || file.context !== undefined) {
    const findings: Record<string, LocalisedText> = Object.assign(Object.create(null) as Record<string, LocalisedText>, file.findings ?? {});
    assessment.narrative = { findings };
    if (file.summary !== undefined) assessment.narrative.summary = file.summary;
    if (file.context !== undefined) assessment.narrative.context = file.context;
  }
  return { assessment, problems };
}
