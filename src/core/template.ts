import type { Rubric } from "./rubric.js";
import { localise } from "./text.js";

export interface TemplateOptions {
  lang: string;
  agencyId: string;
  agencyName?: string;
  date: string;
  /** How the file names its rubric: `egov-maturity@1` or a path. */
  rubricRef: string;
  /** Where the assessment JSON Schema lives, relative to the file; omitted when undefined. */
  schemaPath?: string;
}

const WORDS = {
  en: { fill: "Fill in every answer after its id; leave it empty to skip (unanswered counts as 0).", forms: "Answer forms", level: "level", yesNo: "yes/no: true or false", number: "a number", na: "not applicable", evidence: "Evidence to ask for", question: "Question", weight: "weight", gates: "needs", threshold: "attained at" },
  ar: { fill: "اكتب كل إجابة بعد معرّف المعيار؛ اتركها فارغة لتخطيها (يُحتسب المعيار دون إجابة صفرًا).", forms: "صيغ الإجابة", level: "المستوى", yesNo: "نعم/لا: true أو false", number: "رقم", na: "لا ينطبق", evidence: "الشواهد المطلوبة", question: "السؤال", weight: "الوزن", gates: "يشترط", threshold: "تتحقق عند" },
} as const;

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(/[\u0000-\u001F\u007F]/g, "").trim();
}

/** A YAML scalar that reads back as exactly `text`. */
function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * A commented assessment template for a rubric: every criterion, its question and level
 * descriptors as comments, its answer empty, ready to fill in an editor. The result is a valid
 * assessment (every answer unanswered).
 */
export function assessmentTemplate(rubric: Rubric, options: TemplateOptions): string {
  const lang = options.lang;
  const w = lang === "ar" ? WORDS.ar : WORDS.en;
  const fallback = rubric.languages[0] ?? "en";
  const tx = (x: Parameters<typeof localise>[0]) => oneLine(localise(x, lang, fallback));
  const out: string[] = [];
  if (options.schemaPath !== undefined) out.push(`# yaml-language-server: $schema=${options.schemaPath}`);
  out.push(`# ${tx(rubric.title)} — ${rubric.id} ${rubric.version}`);
  out.push(`# ${w.fill}`);
  out.push(`# ${w.forms}:  id: 3  |  id: {level: 3, evidence: [{url: https://…, date: YYYY-MM-DD}], notes: …}  |  id: {na: "…"}`);
  out.push(`rubric: ${quote(options.rubricRef)}`);
  out.push("agency:");
  out.push(`  id: ${quote(options.agencyId)}`);
  if (options.agencyName !== undefined) out.push(`  name: ${quote(options.agencyName)}`);
  out.push("  groups: {}");
  out.push(`date: ${options.date}`);
  out.push(`language: ${lang}`);
  out.push("answers:");
  for (const d of rubric.dimensions) {
    out.push("");
    const gates = d.requires.map((g) => `${"criterion" in g ? g.criterion : g.dimension} ≥ ${g.min}`).join(", ");
    const meta = [d.threshold !== undefined ? `${w.threshold} ${d.threshold}` : "", gates ? `${w.gates} ${gates}` : ""].filter(Boolean).join(" · ");
    out.push(`  # ══ ${tx(d.title)} (${d.id})${meta ? ` · ${meta}` : ""}`);
    for (const c of d.criteria) {
      out.push("");
      out.push(`  # ${tx(c.title)}${c.weight !== 1 ? ` (${w.weight} ${c.weight})` : ""}`);
      if (c.question !== undefined) out.push(`  # ${w.question}: ${tx(c.question)}`);
      if (c.type === "level") {
        for (const s of rubric.scale) out.push(`  #   ${s.value} ${tx(s.label)}: ${tx(c.levels?.[String(s.value)])}`);
      } else if (c.type === "boolean") out.push(`  #   ${w.yesNo}`);
      else {
        const scoring = c.bands !== undefined ? c.bands.map((b) => `≥ ${b.min} → ${b.score}`).join(", ") : `${c.direction === "lower" ? `${c.max} → 0, ${c.min} → 1` : `${c.min} → 0, ${c.max} → 1`}`;
        out.push(`  #   ${w.number}${c.unit ? ` (${c.unit})` : ""}: ${scoring}`);
      }
      if (c.evidence !== undefined) out.push(`  #   ${w.evidence}: ${tx(c.evidence)}`);
      out.push(`  ${c.id}:`);
    }
  }
  return `${out.join("\n")}\n`;
}
