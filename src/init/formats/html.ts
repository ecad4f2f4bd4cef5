import { t } from "../../i18n/index.js";
import type { RenderContext } from "../../render/context.js";
import { escapeHtml } from "../../render/escape.js";
import { htmlPage } from "../../render/html-page.js";
import type { Renderer } from "../../render/renderer.js";
import { questionnaire, type InitData, type QuestionItem, type Questionnaire } from "../run.js";
import { optionLabel, scoringText } from "./words.js";

/** The questionnaire's own styles on top of the shared sheet: boxes to tick, lines to write on, A4 pages. */
const CSS = `.cover h1{font-size:1.9rem;margin:6px 0 14px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0 0 18px}
.facts dt{color:var(--muted);font-weight:600}
.facts dd{margin:0}
.line{display:block;border-bottom:1px solid #8a94a3;height:1.7em;min-width:8em}
.facts .line{height:1.3em}
.how li{margin:0 0 6px}
.scale{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:0}
.dimension>h2{border-bottom:2px solid var(--accent);padding-bottom:4px}
.q{border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:0 0 12px;background:#fff}
.q h3{font-size:1rem;margin:0 0 4px}
.q .num{color:var(--accent);margin-inline-end:6px}
.q .question{font-weight:600;margin:0 0 8px}
.boxes{list-style:none;padding:0;margin:0 0 8px}
.boxes li{display:flex;gap:8px;align-items:flex-start;margin:0 0 5px}
.box{flex:none;display:inline-block;width:14px;height:14px;border:1.5px solid #333;border-radius:2px;margin-top:3px;background:#fff}
.boxes .label{font-weight:600;white-space:nowrap}
.boxes .na{color:var(--muted)}
.boxes .grow{flex:1}
.value{display:flex;gap:8px;align-items:flex-end;margin:0 0 8px}
.value .line{width:10em;flex:none}
.ask{margin:0 0 6px}
.ask b,.notes b{color:var(--muted);font-weight:600}
.notes{display:flex;gap:8px;align-items:flex-end}
.notes .line{flex:1}
.evidence-list td:first-child,.evidence-list td:last-child{width:1%;white-space:nowrap}
@media print{
.cover{break-after:page;page-break-after:always}
.dimension{break-before:page;page-break-before:always}
.q{break-inside:avoid;page-break-inside:avoid}
.evidence-list{break-before:page;page-break-before:always}
}`;

const h = escapeHtml;

function item(q: Questionnaire, i: QuestionItem): string {
  const lang = q.lang;
  const boxes = i.options.map((o) => `<li><span class="box"></span><span class="grow"><span class="label">${h(optionLabel(lang, o))}</span>${o.descriptor !== undefined ? ` — ${h(o.descriptor)}` : ""}</span></li>`);
  const value =
    i.type === "number"
      ? `<div class="value"><b>${h(t(lang, "init.q.value"))}${i.unit !== undefined ? ` (${h(i.unit)})` : ""}:</b><span class="line"></span></div>${i.scoring !== undefined ? `<p class="small muted">${h(t(lang, "assess.scoring"))}: ${h(scoringText(lang, i))}</p>` : ""}`
      : "";
  const na = `<li class="na"><span class="box"></span><span class="grow">${h(t(lang, "init.q.notApplicable"))}<span class="line"></span></span></li>`;
  return `<article class="q" id="${h(i.id)}">
<h3><span class="num">${h(i.number)}</span>${h(i.title)} <code>${h(i.id)}</code>${i.weight !== 1 ? ` <span class="small muted">· ${h(t(lang, "assess.weight"))} ${i.weight}</span>` : ""}</h3>
${i.question !== undefined ? `<p class="question">${h(i.question)}</p>\n` : ""}${value}<ul class="boxes">${boxes.join("")}${na}</ul>
${i.evidence !== undefined ? `<p class="ask"><b>${h(t(lang, "init.q.evidence"))}:</b> ${h(i.evidence)}</p>\n` : ""}<div class="notes"><b>${h(t(lang, "init.q.notes"))}:</b><span class="line"></span></div>
</article>`;
}

/** The cover: the rubric, the agency, the date, who fills it in, how to fill it in, the scale. */
function cover(q: Questionnaire): string {
  const lang = q.lang;
  const agency = q.agency.name !== undefined ? `${h(q.agency.name)} <code>${h(q.agency.id)}</code>` : `<code>${h(q.agency.id)}</code>`;
  const low = q.scale[0];
  const high = q.scale[q.scale.length - 1];
  const how = [1, 2, 3, 4, 5].map((n) => `<li>${h(t(lang, `init.q.how${n}` as "init.q.how1", { low: low ? `${low.value} ${low.label}` : "", high: high ? `${high.value} ${high.label}` : "" }))}</li>`);
  return `<section class="card cover">
<p class="muted">${h(t(lang, "init.q.kicker"))}</p>
<h1>${h(t(lang, "init.q.title", { rubric: q.rubric.title }))}</h1>
<dl class="facts">
<dt>${h(t(lang, "agency"))}</dt><dd>${agency}</dd>
<dt>${h(t(lang, "date"))}</dt><dd><bdi>${h(q.date)}</bdi></dd>
<dt>${h(t(lang, "rubric"))}</dt><dd>${h(q.rubric.title)} <code>${h(q.rubric.id)} ${h(q.rubric.version)}</code></dd>
<dt>${h(t(lang, "init.q.filledBy"))}</dt><dd><span class="line"></span></dd>
</dl>
<h2>${h(t(lang, "init.q.howTitle"))}</h2>
<ol class="how">${how.join("")}</ol>
${q.scale.length > 0 ? `<h3>${h(t(lang, "init.q.scale"))}</h3>\n<ul class="scale">${q.scale.map((s) => `<li><b>${s.value}</b> ${h(s.label)}</li>`).join("")}</ul>` : ""}
</section>`;
}

/** The last section: every piece of evidence to request, with a box to tick when it is ready. */
function evidenceList(q: Questionnaire): string {
  const lang = q.lang;
  const rows = q.evidence.map((e) => `<tr><td>${h(e.number)}</td><td><b>${h(e.title)}</b><br>${h(e.evidence)}</td><td><span class="box"></span></td></tr>`);
  return `<section class="card evidence-list">
<h2>${h(t(lang, "init.q.evidenceList"))}</h2>
<p class="muted">${h(t(lang, "init.q.evidenceIntro"))}</p>
<table><thead><tr><th>#</th><th>${h(t(lang, "init.q.evidence"))}</th><th>${h(t(lang, "init.q.ready"))}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>
</section>`;
}

/** `init --format html`: a printable questionnaire to send ahead of a workshop (A4, right-to-left in Arabic, no script, no network). */
export const renderQuestionnaireHtml: Renderer<InitData> = (data: InitData, ctx: RenderContext): string => {
  const q = questionnaire(data);
  const lang = q.lang;
  const sections = q.sections.map(
    (s) => `<section class="dimension" id="dim-${h(s.id)}">
<h2>${s.number}. ${h(s.title)} <span class="badge">${h(t(lang, `kind.${s.kind}`))}</span></h2>
${s.description !== undefined ? `<p class="muted">${h(s.description)}</p>\n` : ""}${s.items.map((i) => item(q, i)).join("\n")}
</section>`,
  );
  const footer = `<footer>${h(t(lang, "init.q.footer", { version: ctx.toolVersion, rubric: `${q.rubric.id} ${q.rubric.version}` }))}</footer>`;
  return htmlPage(t(lang, "init.q.title", { rubric: q.rubric.title }), [cover(q), ...sections, evidenceList(q), footer].join("\n"), { lang: ctx.lang, toolVersion: ctx.toolVersion }, CSS);
};
