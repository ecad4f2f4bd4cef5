import type { AnswerValue } from "../core/assessment.js";
import { requiredAnswer } from "../core/formulas.js";
import type { GateResult } from "../core/stages.js";
import type { Gate, Rubric } from "../core/rubric.js";
import { t } from "../i18n/index.js";
import { formatScore, textOf } from "./context.js";

/**
 * A gate in its own terms, in pieces a format can escape or isolate separately:
 * `${title}${joiner}${detail}`. Requirement: "Approved security policy: yes", "Legal framework ≥
 * Established (3)", "Information security ≥ 50.0%". State: "Approved security policy: no",
 * "Legal framework: Developing (2) < Established (3)", "Information security: 42.0% < 50.0%".
 */
export interface GatePhrase {
  title: string;
  joiner: string;
  detail: string;
}

/** The phrase as plain text. */
export function phraseText(p: GatePhrase): string {
  return `${p.title}${p.joiner}${p.detail}`;
}

/** The gate's target: a dimension's, or a criterion's, id. */
export function gateTarget(g: Gate | GateResult): { kind: "dimension" | "criterion"; id: string } {
  return "criterion" in g ? { kind: "criterion", id: g.criterion } : { kind: "dimension", id: g.dimension };
}

function levelText(rubric: Rubric, level: number, lang: string): string {
  const step = rubric.scale.find((s) => s.value === level);
  return step ? `${textOf(rubric, step.label, lang)} (${level})` : String(level);
}

function valueText(value: number, unit: string | undefined): string {
  const v = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return unit ? `${v}${unit === "%" ? "%" : ` ${unit}`}` : v;
}

/** An answer in a gate's words: "yes", "Developing (2)", "40%", "unanswered". */
function answerText(rubric: Rubric, criterionId: string, answer: AnswerValue, lang: string): string {
  switch (answer.kind) {
    case "boolean":
      return t(lang, answer.value ? "yes" : "no");
    case "level":
      return levelText(rubric, answer.level, lang);
    case "number":
      return valueText(answer.value, rubric.criteria.get(criterionId)?.unit);
    case "na":
      return t(lang, "notApplicable");
    case "unanswered":
      return t(lang, "gate.unanswered");
  }
}

/** What a stage requires, in the gate's own terms. */
export function gateRequirement(rubric: Rubric, gate: Gate, lang: string): GatePhrase {
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  if (!("criterion" in gate)) {
    const d = rubric.dimensions.find((x) => x.id === gate.dimension);
    return { title: textOf(rubric, d?.title, lang) || gate.dimension, joiner: " ≥ ", detail: fmt(gate.min) };
  }
  const c = rubric.criteria.get(gate.criterion);
  const title = textOf(rubric, c?.title, lang) || gate.criterion;
  const needed = c ? requiredAnswer(rubric, c, gate.min) : null;
  if (c === undefined || needed === null) return { title, joiner: " ≥ ", detail: fmt(gate.min) };
  if (needed.kind === "boolean") return { title, joiner: ": ", detail: answerText(rubric, c.id, needed, lang) };
  const lower = c.type === "number" && c.direction === "lower";
  return { title, joiner: lower ? " ≤ " : " ≥ ", detail: answerText(rubric, c.id, needed, lang) };
}

/**
 * Where a gate stands, in its own terms. `answer` is the criterion's answer when known (a report);
 * without it (a batch) a boolean or level answer is read back from the score.
 */
export function gateState(rubric: Rubric, gate: GateResult, lang: string, answer?: AnswerValue): GatePhrase {
  const required = gateRequirement(rubric, gate, lang);
  const now = gateNow(rubric, gate, lang, answer);
  if (now.comparable) {
    const op = required.joiner === " ≤ " ? " > " : " < ";
    return { title: required.title, joiner: ": ", detail: `${now.text}${op}${required.detail}` };
  }
  return { title: required.title, joiner: ": ", detail: now.text };
}

/** A gate's current value alone: "no", "Developing (2)", "40%", "42.0%" (`comparable`: it reads before "< required"). */
export function gateNow(rubric: Rubric, gate: GateResult, lang: string, answer?: AnswerValue): { text: string; comparable: boolean } {
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  if (!("criterion" in gate)) return { text: fmt(gate.score), comparable: gate.score !== null };
  const c = rubric.criteria.get(gate.criterion);
  const given = answer ?? (c ? answerFromScore(rubric, c.type, gate.score) : undefined);
  const needed = c ? requiredAnswer(rubric, c, gate.min) : null;
  if (c === undefined || given === undefined || needed === null) return { text: fmt(gate.score), comparable: gate.score !== null };
  const text = answerText(rubric, c.id, given, lang);
  return { text, comparable: given.kind === "level" || given.kind === "number" };
}

function answerFromScore(rubric: Rubric, type: string, score: number | null): AnswerValue | undefined {
  if (score === null) return { kind: "na", reason: "" };
  if (type === "boolean") return { kind: "boolean", value: score >= 1 };
  if (type === "level") {
    const level = Math.round(score * rubric.maxLevel);
    if (rubric.scale.some((s) => s.value === level)) return { kind: "level", level };
  }
  return undefined;
}

/** The id part of a gate for JSON: `{dimension}` or `{criterion}`. */
export function gateRef(g: Gate | GateResult): { dimension: string } | { criterion: string } {
  return "criterion" in g ? { criterion: g.criterion } : { dimension: g.dimension };
}
