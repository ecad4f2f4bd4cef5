import type { CheckedAgency, PlacedViolation } from "./result.js";
import type { RuleId } from "../core/policy.js";
import type { StageGates } from "../core/policy-gates.js";
import type { Rubric } from "../core/rubric.js";
import { formatScore, textOf } from "../render/context.js";
import { gateNow, gateRequirement, gateState, phraseText } from "../render/gates.js";
import { plural, t, type MessageKey } from "../i18n/index.js";

/** The title of a rule in `lang`. */
export function ruleTitle(rule: RuleId, lang: string): string {
  return t(lang, `rule.${rule}` as MessageKey);
}

/** What a rule asks for and how to fix a violation, in `lang`. */
export function ruleHelp(rule: RuleId, lang: string): string {
  return t(lang, `ruleHelp.${rule}` as MessageKey);
}

/**
 * A violation in words, in `lang`: scores formatted as the rubric displays them, dimensions and stages
 * by their title, criteria by id. Texts from files are returned raw: each renderer escapes them.
 */
export function violationMessage(v: PlacedViolation, agency: CheckedAgency, lang: string): string {
  const rubric = agency.rubric;
  const display = rubric.display;
  const dimTitle = (id: string | null | undefined) => {
    if (id === null || id === undefined) return t(lang, "none");
    const d = rubric.dimensions.find((x) => x.id === id);
    return d ? textOf(rubric, d.title, lang) : id;
  };
  const answer = (x: number | string | null | undefined) => {
    if (x === null || x === undefined) return "—";
    const type = v.criterion !== undefined ? rubric.criteria.get(v.criterion)?.type : undefined;
    if (type === "boolean") return x === 1 ? t(lang, "yes") : t(lang, "no");
    return String(x);
  };
  const score = (x: number | string | null | undefined) => (typeof x === "number" ? formatScore(x, display) : formatScore(null, display));
  const slots: Record<string, string | number> = { criterion: v.criterion ?? "", dimension: dimTitle(v.dimension) };
  switch (v.rule) {
    case "min-index":
    case "min-dimension":
    case "no-lower-dimension":
      return t(lang, `msg.${v.rule}`, { ...slots, actual: score(v.actual), expected: score(v.expected) });
    case "min-stage":
    case "no-lost-stage": {
      const text = t(lang, `msg.${v.rule}`, { ...slots, actual: dimTitle(v.actual as string | null), expected: dimTitle(v.expected as string | null) });
      return v.gates === undefined ? text : `${text}${punctuation(lang).semicolon}${nextStageText(v.gates, rubric, lang, dimTitle(v.gates.stage))}`;
    }
    case "require-evidence":
    case "forbid-na":
      return t(lang, `msg.${v.rule}`, { ...slots, actual: String(v.actual ?? ""), expected: String(v.expected ?? "") });
    case "evidence-age":
      return v.actual === null ? plural(lang, "msg.evidence-age-undated", Number(v.expected), slots) : plural(lang, "msg.evidence-age", Number(v.actual), { ...slots, expected: String(v.expected) });
    case "no-lower-answer": {
      const base = v.lowerIsBetter ? "msg.no-higher-answer" : "msg.no-lower-answer";
      return t(lang, (v.note !== undefined ? `${base}-explained` : base) as MessageKey, { ...slots, actual: answer(v.actual), expected: answer(v.expected), note: v.note ?? "" });
    }
    case "rubric-pin":
    case "agency-id-changed":
    case "agency-removed":
      return t(lang, `msg.${v.rule}`, { ...slots, actual: String(v.actual ?? ""), expected: String(v.expected ?? "") });
    case "valid-input":
      return ruleTitle("valid-input", lang);
  }
}

/** Punctuation of a list and of clauses in `lang` (Arabic has its own comma and semicolon), as reports write them. */
function punctuation(lang: string): { comma: string; semicolon: string } {
  return lang.split("-")[0] === "ar" ? { comma: "، ", semicolon: "؛ " } : { comma: ", ", semicolon: "; " };
}

/**
 * Why the next stage is not attained, as reports say it, each gate in the criterion's own terms:
 * "Execution — blocked by Approved information-security policy: no", or "Execution — needs 60.0% (now
 * 45.0%); and still requires Approved information-security policy: yes (now no)".
 */
function nextStageText(g: StageGates, rubric: Rubric, lang: string, stage: string): string {
  const p = punctuation(lang);
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const blocked = g.blockedBy.map((x) => phraseText(gateState(rubric, x.gate, lang, x.answer)));
  const pending = g.pendingGates.map((x) => `${phraseText(gateRequirement(rubric, x.gate, lang))} (${t(lang, "now")} ${gateNow(rubric, x.gate, lang, x.answer).text})`);
  const clauses = [
    blocked.length > 0 ? `${t(lang, "blockedBy")} ${blocked.join(p.comma)}` : "",
    blocked.length === 0 && g.threshold !== null ? `${t(lang, "belowThreshold")} ${fmt(g.threshold)} (${t(lang, "now")} ${fmt(g.score)})` : "",
    pending.length > 0 ? `${t(lang, "stillRequires")} ${pending.join(p.comma)}` : "",
  ];
  return `${stage} — ${clauses.filter(Boolean).join(p.semicolon)}`;
}

/** A violation in words with its waiver: "… — waived until 2027-03-31: reason", or that the waiver expired. */
export function violationText(v: PlacedViolation, agency: CheckedAgency, lang: string): string {
  const text = violationMessage(v, agency, lang);
  if (v.waiver === undefined) return text;
  const slots = { expires: v.waiver.expires, reason: v.waiver.reason, by: v.waiver.approvedBy ?? "" };
  const key = v.waiver.expired ? "check.waiverExpired" : v.waiver.approvedBy !== undefined ? "check.waivedBy" : "check.waived";
  return `${text} — ${t(lang, key, slots)}`;
}
