import type { CriterionResult, Report } from "../../core/score.js";
import { formatAnswer, formatImpact, formatScore, type RenderContext } from "../../render/context.js";
import { escapeHtml, safeLinkUrl } from "../../render/escape.js";
import { htmlPage, isRtl } from "../../render/html-page.js";
import { LADDER_CSS, stageLadderHtml } from "./html-ladder.js";
import { plural, t } from "../../i18n/index.js";
import { dimensionTitle, nextStageSentence, rubricText, summarise } from "../summary.js";
import { barSvg, radarSvg } from "../../render/svg-charts.js";

const REPORT_CSS = `${LADDER_CSS}
.grid.charts{grid-template-columns:minmax(0,7fr) minmax(0,5fr)}
@media (max-width:820px){.grid.charts{grid-template-columns:1fr}}
.headline .agency-id{margin-inline-start:10px;font-size:.55em;vertical-align:middle}
.headline .next{margin:12px 0 0;padding:8px 12px;border-radius:8px;background:#fff7ed;border:1px solid #fed7aa}
.headline .next.done{background:#effaf2;border-color:#86c79c}
.dims td.bar-cell{width:40%;min-width:150px}
.dims .kind{display:block;font-size:.8rem;color:var(--muted)}
.gap-item .meta,.step .meta{font-size:.85rem;color:var(--muted)}
.evidence{margin:6px 0 0;padding-inline-start:1.2em;font-size:.85rem}
.note{margin:4px 0 0;font-size:.88rem;border-inline-start:3px solid var(--line);padding-inline-start:8px;color:#334155;white-space:pre-line}
.unanswered code{margin-inline-end:6px}
@media print{.dims td.bar-cell{width:35%}.grid.charts{grid-template-columns:1fr}.radar-card .radar{max-width:15cm}}`;

/** One criterion's evidence as a list: links only for http(s)/mailto URLs (javascript: and others stay text). */
function evidenceHtml(c: CriterionResult | undefined, lang: string): string {
  if (c === undefined || c.evidence.length === 0) return "";
  const items = c.evidence.map((e) => {
    const url = e.url === undefined ? undefined : safeLinkUrl(e.url);
    const label = escapeHtml(e.note ?? e.url ?? "");
    const body = url !== undefined ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>` : label;
    const raw = e.url !== undefined && url === undefined && e.note !== undefined ? ` <code>${escapeHtml(e.url)}</code>` : "";
    const date = e.date ? ` <span class="muted">(<bdi dir="ltr">${escapeHtml(e.date)}</bdi>)</span>` : "";
    return `<li>${body}${raw}${date}</li>`;
  });
  return `<ul class="evidence" aria-label="${escapeHtml(t(lang, "evidence"))}">${items.join("")}</ul>`;
}

function notesHtml(c: CriterionResult | undefined): string {
  return c?.notes ? `<p class="note">${escapeHtml(c.notes)}</p>` : "";
}

/**
 * `--format html` of `report`: one self-contained page (inline CSS and SVG, no script, no network):
 * headline card, radar chart of the dimensions against their targets, stage ladder, gap bars, the
 * gaps with recommendations, evidence and notes, and the roadmap. `dir="rtl"` for Arabic. Pure.
 */
export function renderReportHtml(report: Report, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = report.rubricDef;
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  const h = (text: string) => escapeHtml(text);
  const num = (text: string) => `<bdi dir="ltr">${h(text)}</bdi>`;
  const summary = summarise(report, lang);
  const criterionById = new Map(report.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c] as const)));
  const sections: string[] = [];

  // Headline card.
  const meta = [
    `${h(t(lang, "rubric"))}: ${h(summary.rubric)}`,
    report.date ? `${h(t(lang, "date"))}: ${num(report.date)}` : "",
    report.assessor ? `${h(t(lang, "assessor"))}: ${h(report.assessor)}` : "",
  ].filter(Boolean);
  const kpis = [
    `<div class="kpi"><span class="label">${h(t(lang, "index"))}</span><span class="value">${num(summary.index)}</span></div>`,
    summary.classification !== null ? `<div class="kpi"><span class="label">${h(t(lang, "class"))}</span><span class="value">${h(summary.classification)}</span></div>` : "",
    report.stages.length > 0 ? `<div class="kpi"><span class="label">${h(t(lang, "stage"))}</span><span class="value">${h(summary.stage)}</span></div>` : "",
  ].filter(Boolean);
  const next =
    report.stages.length === 0
      ? ""
      : `<p class="next${summary.next === null ? " done" : ""}"><strong>${h(t(lang, "next"))}:</strong> ${nextStageSentence(summary, lang, h, num)}</p>`;
  sections.push(
    `<header class="card headline"><p class="muted small">${h(t(lang, "reportOf"))}</p><h1>${h(summary.agency)}<code class="agency-id">${h(report.agency.id)}</code></h1><p class="muted">${meta.join(" · ")}</p><div class="kpis">${kpis.join("")}</div>${next}</header>`,
  );

  // Radar chart and stage ladder side by side.
  const labels = report.dimensions.map((d) => tx(d.title) || d.id);
  const radar = radarSvg(
    labels,
    [
      { name: t(lang, "target"), values: report.dimensions.map((d) => d.target), style: "dashed" },
      { name: t(lang, "score"), values: report.dimensions.map((d) => d.score), style: "area" },
    ],
    { lang, title: t(lang, "radarTitle"), notes: report.dimensions.map((d) => fmt(d.score)), ringLabel: (f) => fmt(f) },
  );
  const legend = `<div class="legend"><span><span class="swatch" style="background:#1f6fb2"></span>${h(t(lang, "score"))}</span><span><span class="swatch" style="background:none;border:2px dashed #c2410c"></span>${h(t(lang, "target"))}</span></div>`;
  const ladder = report.stages.length > 0 ? `<section class="card" aria-labelledby="ladder-h"><h2 id="ladder-h">${h(t(lang, "stageLadder"))}</h2>${stageLadderHtml(report, lang)}</section>` : "";
  sections.push(`<div class="grid charts"><section class="card radar-card" aria-labelledby="radar-h"><h2 id="radar-h">${h(t(lang, "radarTitle"))}</h2>${radar}${legend}</section>${ladder}</div>`);

  // Dimensions with gap bars.
  const rows = report.dimensions.map((d) => {
    const status = d.status ? ` · ${t(lang, `status.${d.status}`)}` : "";
    const bar = barSvg(d.score, { lang, label: t(lang, "gapBar", { score: fmt(d.score), target: fmt(d.target) }), target: d.target, width: 240 });
    const gapClass = d.gap === null ? "" : d.gap > 0 ? " warn" : " ok";
    return `<tr data-dimension="${h(d.id)}"><td><span class="dim-title">${h(tx(d.title) || d.id)}</span><span class="kind">${h(t(lang, `kind.${d.kind}`) + status)}</span></td><td class="num">${num(fmt(d.score))}</td><td class="num">${num(fmt(d.target))}</td><td class="num${gapClass}">${num(fmt(d.gap))}</td><td class="bar-cell">${bar}</td></tr>`;
  });
  sections.push(
    `<section class="card" aria-labelledby="dims-h"><h2 id="dims-h">${h(t(lang, "dimensions"))}</h2><table class="dims"><thead><tr><th>${h(t(lang, "dimension"))}</th><th class="num">${h(t(lang, "score"))}</th><th class="num">${h(t(lang, "target"))}</th><th class="num">${h(t(lang, "gap"))}</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`,
  );

  // Gaps with recommendations, evidence and notes.
  const gapItems = report.gaps.map((g) => {
    const c = criterionById.get(g.criterion);
    const def = rubric.criteria.get(g.criterion);
    const rec = tx(def?.recommendation);
    const answer = c ? formatAnswer(rubric, g.criterion, c.answer, lang) : "—";
    return `<li class="gap-item"><h3>${h(tx(def?.title) || g.criterion)}</h3><p class="meta"><code>${h(g.criterion)}</code> · ${h(dimensionTitle(report, g.dimension, lang))} · ${h(t(lang, "score"))} ${num(fmt(g.score))} (${h(answer)}) · ${h(t(lang, "impact"))} ${num(formatImpact(g.impact, report.rubric.display))}</p>${rec ? `<p class="rec"><strong>${h(t(lang, "recommendation"))}:</strong> ${h(rec)}</p>` : ""}${notesHtml(c)}${evidenceHtml(c, lang)}</li>`;
  });
  sections.push(
    `<section class="card gaps" aria-labelledby="gaps-h"><h2 id="gaps-h">${h(t(lang, "allGaps"))}</h2>${gapItems.length === 0 ? `<p>${h(t(lang, "noGaps"))}</p>` : `<ol class="steps">${gapItems.join("")}</ol>`}</section>`,
  );

  // Roadmap.
  if (report.stages.length > 0) {
    const steps = report.roadmap.map((s) => {
      const def = rubric.criteria.get(s.criterion);
      const rec = tx(def?.recommendation);
      const why = s.reason === "gate" ? `${t(lang, "gateStep")} ${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}` : `${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}`;
      const fromTo = `${formatAnswer(rubric, s.criterion, s.from, lang)} ${isRtl(lang) ? "←" : "→"} ${formatAnswer(rubric, s.criterion, s.to, lang)}`;
      return `<li class="step"><h3>${h(tx(def?.title) || s.criterion)}</h3><p class="meta"><code>${h(s.criterion)}</code> · ${h(why)} · ${h(fromTo)} · ${h(t(lang, "indexAfter"))} ${num(fmt(s.index))} · ${h(t(lang, "stageAfter"))}: ${h(dimensionTitle(report, s.stageAfter, lang))}</p>${rec ? `<p class="rec">${h(rec)}</p>` : ""}</li>`;
    });
    sections.push(
      `<section class="card roadmap" aria-labelledby="roadmap-h"><h2 id="roadmap-h">${h(t(lang, "roadmap"))}</h2>${steps.length === 0 ? `<p>${h(t(lang, "noRoadmap"))}</p>` : `<ol class="steps">${steps.join("")}</ol>`}</section>`,
    );
  }

  if (report.unanswered.length > 0) {
    sections.push(
      `<section class="card unanswered"><h2>${h(t(lang, "unanswered"))}</h2><p class="warn">${h(plural(lang, "unansweredNote", report.unanswered.length))}</p><p>${report.unanswered.map((id) => `<code>${h(id)}</code>`).join(" ")}</p></section>`,
    );
  }
  sections.push(`<footer>${h(t(lang, "generatedBy", { version: ctx.toolVersion, date: ctx.now.toISOString().slice(0, 10) }))}</footer>`);
  return htmlPage(`${summary.agency} — ${t(lang, "reportOf")}`, sections.join("\n"), ctx, REPORT_CSS);
}
