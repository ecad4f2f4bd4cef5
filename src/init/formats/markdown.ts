import { t } from "../../i18n/index.js";
import type { RenderContext } from "../../render/context.js";
import { markdownText } from "../../render/escape.js";
import { isRtl } from "../../render/html-page.js";
import type { Renderer } from "../../render/renderer.js";
import { questionnaire, type InitData, type QuestionItem } from "../run.js";
import { optionLabel, scoringText } from "./words.js";

const m = (text: string) => markdownText(text);

function item(lang: string, i: QuestionItem): string[] {
  const lines = [`### ${i.number} ${m(i.title)} \`${i.id}\`${i.weight !== 1 ? ` · ${m(t(lang, "assess.weight"))} ${i.weight}` : ""}`, ""];
  if (i.question !== undefined) lines.push(`**${m(i.question)}**`, "");
  if (i.type === "number") {
    lines.push(`${m(t(lang, "init.q.value"))}${i.unit !== undefined ? ` (${m(i.unit)})` : ""}: ______________`, "");
    if (i.scoring !== undefined) lines.push(`_${m(t(lang, "assess.scoring"))}: ${m(scoringText(lang, i))}_`, "");
  }
  for (const o of i.options) lines.push(`- [ ] **${m(optionLabel(lang, o))}**${o.descriptor !== undefined ? ` — ${m(o.descriptor)}` : ""}`);
  lines.push(`- [ ] ${m(t(lang, "init.q.notApplicable"))} ______________`, "");
  if (i.evidence !== undefined) lines.push(`${m(t(lang, "init.q.evidence"))}: ${m(i.evidence)}`, "");
  lines.push(`${m(t(lang, "init.q.notes"))}: ______________________________________________`, "");
  return lines;
}

/** `init --format markdown`: the questionnaire as Markdown (task-list boxes), to send or print; wrapped in `<div dir="rtl">` in Arabic. */
export const renderQuestionnaireMarkdown: Renderer<InitData> = (data: InitData, ctx: RenderContext): string => {
  const q = questionnaire(data);
  const lang = q.lang;
  const low = q.scale[0];
  const high = q.scale[q.scale.length - 1];
  const out = [
    `# ${m(t(lang, "init.q.title", { rubric: q.rubric.title }))}`,
    "",
    `_${m(t(lang, "init.q.kicker"))}_`,
    "",
    `- **${m(t(lang, "agency"))}:** ${q.agency.name !== undefined ? `${m(q.agency.name)} ` : ""}\`${q.agency.id}\``,
    `- **${m(t(lang, "date"))}:** ${q.date}`,
    `- **${m(t(lang, "rubric"))}:** ${m(q.rubric.title)} \`${q.rubric.id} ${q.rubric.version}\``,
    `- **${m(t(lang, "init.q.filledBy"))}:** ______________________________`,
    "",
    `## ${m(t(lang, "init.q.howTitle"))}`,
    "",
    ...[1, 2, 3, 4, 5].map((n) => `${n}. ${m(t(lang, `init.q.how${n}` as "init.q.how1", { low: low ? `${low.value} ${low.label}` : "", high: high ? `${high.value} ${high.label}` : "" }))}`),
    "",
  ];
  if (q.scale.length > 0) out.push(`${m(t(lang, "init.q.scale"))}: ${q.scale.map((s) => `**${s.value}** ${m(s.label)}`).join(" · ")}`, "");
  for (const s of q.sections) {
    out.push(`## ${s.number}. ${m(s.title)} (${m(t(lang, `kind.${s.kind}`))})`, "");
    if (s.description !== undefined) out.push(m(s.description), "");
    for (const i of s.items) out.push(...item(lang, i));
  }
  out.push(`## ${m(t(lang, "init.q.evidenceList"))}`, "", m(t(lang, "init.q.evidenceIntro")), "");
  for (const e of q.evidence) out.push(`- [ ] ${e.number} **${m(e.title)}**: ${m(e.evidence)}`);
  out.push("", `_${m(t(lang, "init.q.footer", { version: ctx.toolVersion, rubric: `${q.rubric.id} ${q.rubric.version}` }))}_`);
  const body = out.join("\n");
  return isRtl(lang) ? `<div dir="rtl">\n\n${body}\n\n</div>\n` : `${body}\n`;
};
