import { isMap, isScalar, isSeq, parseDocument, Pair, YAMLMap, type Document } from "yaml";
import { checkAssessment, type Answer, type Assessment } from "../core/assessment.js";
import { AssessmentSchema } from "../core/assessment-schema.js";
import type { Rubric } from "../core/rubric.js";
import { assessmentTemplate } from "../core/template.js";
import { writeFileAtomic } from "../io/write.js";

/** What the consultant states about the agency before the first question. */
export interface DraftHeader {
  /** How the file names its rubric: an id (`egov-maturity@1`) or a path relative to the file. */
  rubricRef: string;
  agencyId: string;
  agencyName?: string;
  groups: Readonly<Record<string, string>>;
  assessor?: string;
  date: string;
  /** Language of the answers' free text (the session's language). */
  language: string;
}

/** `assess`'s own state in the file's `session:` block. */
export interface SessionState {
  /** The criterion on screen when the session stopped. */
  at?: string;
  /** Seconds spent answering, over every sitting. */
  spent?: number;
}

const PARSE = { uniqueKeys: true, schema: "core", merge: false } as const;

/** An unanswered answer without evidence or notes. */
export function emptyAnswer(): Answer {
  return { answer: { kind: "unanswered" }, evidence: [] };
}

/**
 * An assessment file being filled in: the YAML document (comments and order kept), the answers
 * normalised against the rubric, and an atomic save after every change, so that the file on disk
 * is always a valid assessment.
 */
export class AssessmentDraft {
  readonly file: string;
  readonly rubric: Rubric;
  private readonly doc: Document;
  private readonly answers: Map<string, Answer>;
  private readonly order: Map<string, number>;

  private constructor(file: string, rubric: Rubric, doc: Document, answers: ReadonlyMap<string, Answer>) {
    this.file = file;
    this.rubric = rubric;
    this.doc = doc;
    this.answers = new Map(answers);
    this.order = new Map([...rubric.criteria.keys()].map((id, i) => [id, i]));
  }

  /**
   * A new assessment, laid out like `init`'s template (every criterion's question and level
   * descriptors as comments, every answer empty), with the agency's details filled in. Not yet saved.
   */
  static create(file: string, rubric: Rubric, header: DraftHeader): AssessmentDraft {
    const text = assessmentTemplate(rubric, {
      lang: header.language,
      agencyId: header.agencyId,
      ...(header.agencyName !== undefined ? { agencyName: header.agencyName } : {}),
      date: header.date,
      rubricRef: header.rubricRef,
    });
    const doc = parseDocument(text, PARSE);
    if (Object.keys(header.groups).length > 0) {
      const groups = doc.createNode({ ...header.groups });
      if (isMap(groups)) groups.flow = true;
      doc.setIn(["agency", "groups"], groups);
    }
    if (header.assessor !== undefined) insertBefore(doc, "date", doc.createPair("assessor", header.assessor));
    return new AssessmentDraft(file, rubric, doc, new Map());
  }

  /** An existing assessment (already validated against `rubric`), to continue or revise. */
  static open(file: string, text: string, rubric: Rubric, assessment: Assessment): AssessmentDraft {
    return new AssessmentDraft(file, rubric, parseDocument(text, PARSE), assessment.answers);
  }

  /** The answer to a criterion (unanswered when there is none). */
  answer(id: string): Answer {
    return this.answers.get(id) ?? emptyAnswer();
  }

  /** Whether a criterion has an answer: a level, yes/no, a number or N/A. */
  isAnswered(id: string): boolean {
    return this.answer(id).answer.kind !== "unanswered";
  }

  /** Records an answer (with its evidence and notes) and saves the file at once. */
  setAnswer(id: string, answer: Answer): void {
    if (!this.rubric.criteria.has(id)) throw new Error(`not a criterion of the rubric: ${id}`);
    this.answers.set(id, { answer: answer.answer, evidence: answer.evidence.map((e) => ({ ...e })), ...(answer.notes !== undefined ? { notes: answer.notes } : {}) });
    const node = this.doc.createNode(answerValue(answer));
    if (isMap(node)) {
      node.flow = false;
      const evidence = node.get("evidence", true);
      if (isSeq(evidence)) for (const item of evidence.items) if (isMap(item)) item.flow = true;
    }
    const map = this.answersMap();
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === id);
    if (pair) pair.value = node;
    else map.items.splice(this.insertionIndex(map, id), 0, new Pair(this.doc.createNode(id), node));
    this.save();
  }

  /**
   * Where the consultant stopped (`at`, a criterion id) and the seconds spent so far, as kept in
   * the file's `session:` block (every other command ignores it). Empty when the file has none.
   */
  sessionState(): SessionState {
    const block: unknown = this.doc.toJS().session;
    if (block === null || typeof block !== "object") return {};
    const { at, spent } = block as Record<string, unknown>;
    return { ...(typeof at === "string" && this.rubric.criteria.has(at) ? { at } : {}), ...(typeof spent === "number" && Number.isFinite(spent) && spent >= 0 ? { spent } : {}) };
  }

  /** Records where the consultant is and the time spent, and saves; `undefined` removes the block (a finished session). */
  setSessionState(state: SessionState | undefined): void {
    if (state === undefined) {
      if (!this.doc.has("session")) return;
      this.doc.delete("session");
    } else {
      const node = this.doc.createNode({ ...(state.at !== undefined ? { at: state.at } : {}), ...(state.spent !== undefined ? { spent: Math.round(state.spent) } : {}) });
      if (isMap(node)) node.flow = true;
      const root = this.doc.contents;
      const existing = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === "session") : undefined;
      if (existing) existing.value = node;
      else {
        const pair = this.doc.createPair("session", node);
        pair.key = this.doc.createNode("session");
        if (isScalar(pair.key)) pair.key.commentBefore = " assess: where the workshop stopped and the time spent (other commands ignore it)";
        insertBefore(this.doc, "answers", pair);
      }
    }
    this.save();
  }

  /** The executive summary (`summary:`) in `lang`: the plain text, or that language's entry. */
  summary(lang: string): string | undefined {
    return localisedNodeText(this.doc.get("summary", true), lang);
  }

  /**
   * Sets the executive summary in `lang` (a language map keeps its other languages), or removes it
   * with `undefined`; placed before `answers:`. Saves the file.
   */
  setSummary(lang: string, text: string | undefined): void {
    const existing = this.doc.get("summary", true);
    if (isMap(existing)) {
      if (text === undefined) existing.delete(lang);
      else existing.set(lang, text);
      if (existing.items.length === 0) this.doc.delete("summary");
    } else if (text === undefined) this.doc.delete("summary");
    else if (this.doc.has("summary")) this.doc.set("summary", text);
    else insertBefore(this.doc, "answers", this.doc.createPair("summary", text));
    this.save();
  }

  /** The file's text as it is saved. */
  toText(): string {
    return this.doc.toString({ lineWidth: 0 });
  }

  /** Writes the file atomically (a temporary file, then a rename). */
  save(): void {
    writeFileAtomic(this.file, this.toText());
  }

  /** The assessment as the engine reads it, for scores so far and the final report. */
  assessment(): Assessment {
    const parsed = AssessmentSchema.safeParse(this.doc.toJS());
    if (!parsed.success) throw new Error(`the assessment being written does not validate: ${parsed.error.message}`);
    const { assessment, problems } = checkAssessment(parsed.data, this.rubric);
    if (problems.length > 0) throw new Error(`the assessment being written does not validate: ${problems.map((p) => p.code).join(", ")}`);
    return assessment;
  }

  private answersMap(): YAMLMap {
    const existing = this.doc.get("answers", true);
    if (isMap(existing)) {
      existing.flow = false;
      return existing;
    }
    const map = new YAMLMap();
    this.doc.set("answers", map);
    return map;
  }

  /** Where a criterion missing from the file goes: after the last one that comes before it in the rubric. */
  private insertionIndex(map: YAMLMap, id: string): number {
    const rank = this.order.get(id) ?? Number.MAX_SAFE_INTEGER;
    let index = 0;
    map.items.forEach((p, i) => {
      const key = isScalar(p.key) ? String(p.key.value) : "";
      const other = this.order.get(key);
      if (other !== undefined && other < rank) index = i + 1;
    });
    return index;
  }
}

/** An answer as it is written: a bare value when it has no evidence or notes, else the full form. */
export function answerValue(answer: Answer): unknown {
  const a = answer.answer;
  const extras = answer.evidence.length > 0 || answer.notes !== undefined;
  if (!extras) {
    if (a.kind === "level") return a.level;
    if (a.kind === "boolean" || a.kind === "number") return a.value;
    if (a.kind === "na") return { na: a.reason };
    return null;
  }
  const out: Record<string, unknown> = {};
  if (a.kind === "level") out.level = a.level;
  else if (a.kind === "boolean" || a.kind === "number") out.value = a.value;
  else if (a.kind === "na") out.na = a.reason;
  if (answer.evidence.length > 0) {
    out.evidence = answer.evidence.map((e) => ({ ...(e.url !== undefined ? { url: e.url } : {}), ...(e.note !== undefined ? { note: e.note } : {}), ...(e.date !== undefined ? { date: e.date } : {}) }));
  }
  if (answer.notes !== undefined) out.notes = answer.notes;
  return out;
}

/** The text of a localised YAML node in `lang`: a plain string, or that language's entry of a map. */
function localisedNodeText(node: unknown, lang: string): string | undefined {
  if (isScalar(node) && typeof node.value === "string") return node.value;
  if (isMap(node)) {
    const entry = node.get(lang);
    return typeof entry === "string" ? entry : undefined;
  }
  return undefined;
}

function insertBefore(doc: Document, key: string, pair: Pair): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const at = root.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  root.items.splice(at < 0 ? root.items.length : at, 0, pair);
}
