import type { CheckedAgency, PlacedViolation } from "./result.js";
import type { RuleId } from "../core/policy.js";
import { formatScore, textOf } from "../render/context.js";
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
    case "no-lost-stage":
      return t(lang, `msg.${v.rule}`, { ...slots, actual: dimTitle(v.actual as string | null), expected: dimTitle(v.expected as string | null) });
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

/** A violation in words with its waiver: "… — waived until 2027-03-31: reason", or that the waiver expired. */
export function violationText(v: PlacedViolation, agency: CheckedAgency, lang: string): string {
  const text = violationMessage(v, agency, lang);
  if (v.waiver === undefined) return text;
  const slots = { expires: v.waiver.expires, reason: v.waiver.reason, by: v.waiver.approvedBy ?? "" };
  const key = v.waiver.expired ? "check.waiverExpired" : v.waiver.approvedBy !== undefined ? "check.waivedBy" : "check.waived";
  return `${text} — ${t(lang, key, slots)}`;
}
