import type { Report } from "../../core/score.js";
import { formatImpact, formatScore, type RenderContext } from "../../render/context.js";
import { escapeHtml } from "../../render/escape.js";
import { htmlPage } from "../../render/html-page.js";
import { LADDER_CSS, stageLadderHtml } from "./html-ladder.js";
import { appendixHtml, autoDir, fromToText, gapSectionHtml, roadmapSectionHtml, SECTIONS_CSS, unansweredSectionHtml } from "./html-sections.js";
import { plural, t } from "../../i18n/index.js";
import { dimensionScoreText, dimensionTitle, draftBanner, gapList, narrativeOf, nextStageSentence, notAssessed, PAGE_ONE_GAPS, PAGE_ONE_STEPS, rubricText, summarise } from "../summary.js";
import { barSvg, radarSvg } from "../../render/svg-charts.js";

const REPORT_CSS = `${LADDER_CSS}
${SECTIONS_CSS}
.draft-banner{margin:0 0 14px;padding:10px 14px;border-radius:8px;background:#fef3c7;border:2px solid #d97706;color:#78350f}
.draft-banner strong{font-size:1.05rem}
.headline h1{margin-bottom:2px}
.headline .next{margin:10px 0 0;padding:7px 12px;border-radius:8px;background:#fff7ed;border:1px solid #fed7aa}
.headline .next.done{background:#effaf2;border-color:#86c79c}
.summary-text p{margin:0 0 6px}
.grid.overview{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.radar-card .radar{display:block;margin:0 auto;max-height:300px;width:auto}
.top-gaps ol,.next-steps ol{margin:0;padding-inline-start:1.3em}
.top-gaps li,.next-steps li{margin:0 0 6px}
.top-gaps .meta,.next-steps .meta{display:block;font-size:.82rem;color:var(--muted)}
.dims td.bar-cell{width:34%;min-width:150px}
.dims .kind{display:block;font-size:.8rem;color:var(--muted)}
.dims tr.finding td{border-top:0;padding-top:0}
.dims tr.has-finding td{border-bottom:0}
.finding p{margin:0;font-size:.88rem;border-inline-start:3px solid var(--accent);padding-inline-start:8px}
.not-assessed{font-style:italic;color:var(--warn)}
@media (max-width:820px){.grid.overview{grid-template-columns:1fr}}
@media print{
@page{size:auto;margin:12mm 12mm}
html{font-size:11.5px}
body{font-size:1rem;line-height:1.35}
th,td{padding:3px 6px}
.flow>h2{font-size:1.2rem;margin-top:4px}
.card{padding:10px 14px;margin:0 0 10px}
.grid{gap:10px;margin:0 0 10px}
.grid.overview{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.radar-card .radar{max-height:6.4cm}
.rung{padding:5px 9px}.ladder{gap:5px}
.kpi .value{font-size:1.25rem}
h1{font-size:1.35rem}
.flow>h2{break-after:avoid}
.flow h3{break-after:avoid}
thead{display:table-header-group}
.dims td.bar-cell{width:30%}
}`;

/** Page 1: what a minister reads — headline, executive summary, ladder and radar, five largest gaps, next steps. */
function pageOne(report: Report, ctx: RenderContext): string {
  const lang = ctx.lang;
  const h = escapeHtml;
  const num = (text: string) => `<bdi dir="ltr">${h(text)}</bdi>`;
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  const summary = summarise(report, lang);
  const parts: string[] = [];

  const banner = draftBanner(report, lang);
  if (banner !== null) parts.push(`<div class="draft-banner" role="note"><strong>${h(banner)}</strong><br><span class="small">${h(t(lang, "report.draftHint"))}</span></div>`);

  // The agency id sits in the meta line, isolated, so it never runs into a Latin name in an Arabic page.
  const meta = [
    `${h(t(lang, "agency"))}: <code class="agency-id">${h(report.agency.id)}</code>`,
    `${h(t(lang, "rubric"))}: ${h(summary.rubric)}`,
    report.date ? `${h(t(lang, "date"))}: ${num(report.date)}` : "",
    report.assessor ? `${h(t(lang, "assessor"))}: <bdi>${h(report.assessor)}</bdi>` : "",
  ].filter(Boolean);
  const kpis = [
    `<div class="kpi"><span class="label">${h(t(lang, "index"))}</span><span class="value">${num(summary.index)}</span></div>`,
    summary.classification !== null ? `<div class="kpi"><span class="label">${h(t(lang, "class"))}</span><span class="value">${h(summary.classification)}</span></div>` : "",
    report.stages.length > 0 ? `<div class="kpi"><span class="label">${h(t(lang, "stage"))}</span><span class="value">${h(summary.stage)}</span></div>` : "",
  ].filter(Boolean);
  const next = report.stages.length === 0 ? "" : `<p class="next${summary.next === null ? " done" : ""}"><strong>${h(t(lang, "next"))}:</strong> ${nextStageSentence(summary, lang, h, num)}</p>`;
  parts.push(`<header class="card headline"><p class="muted small">${h(t(lang, "reportOf"))}</p><h1><bdi>${h(summary.agency)}</bdi></h1><p class="muted small">${meta.join(" · ")}</p><div class="kpis">${kpis.join("")}</div>${next}</header>`);

  const narrative = narrativeOf(report, lang);
  if (narrative.summary !== "") {
    const paragraphs = narrative.summary.split(/\n\s*\n/).map((p) => autoDir("p", p.trim()));
    parts.push(`<section class="card summary-text" id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${h(t(lang, "report.summary"))}</h2>${paragraphs.join("")}</section>`);
  }

  const labels = report.dimensions.map((d) => tx(d.title) || d.id);
  const radar = radarSvg(
    labels,
    [
      { name: t(lang, "target"), values: report.dimensions.map((d) => d.target), style: "dashed" },
      { name: t(lang, "score"), values: report.dimensions.map((d) => (notAssessed(d) ? null : d.score)), style: "area" },
    ],
    { lang, title: t(lang, "radarTitle"), notes: report.dimensions.map((d) => dimensionScoreText(report, d, lang)), ringLabel: (f) => fmt(f) },
  );
  const legend = `<div class="legend"><span><span class="swatch" style="background:#1f6fb2"></span>${h(t(lang, "score"))}</span><span><span class="swatch" style="background:none;border:2px dashed #c2410c"></span>${h(t(lang, "target"))}</span></div>`;
  const ladder = report.stages.length > 0 ? `<section class="card" aria-labelledby="ladder-h"><h2 id="ladder-h">${h(t(lang, "stageLadder"))}</h2>${stageLadderHtml(report, lang)}</section>` : "";
  parts.push(`<div class="grid overview"><section class="card radar-card" aria-labelledby="radar-h"><h2 id="radar-h">${h(t(lang, "radarTitle"))}</h2>${radar}${legend}</section>${ladder}</div>`);

  const top = gapList(report, { top: PAGE_ONE_GAPS });
  const gapItems = top.map((g) => {
    const def = report.rubricDef.criteria.get(g.criterion);
    return `<li><span class="crit-title">${h(tx(def?.title) || g.criterion)}</span><span class="meta">${h(dimensionTitle(report, g.dimension, lang))} · ${h(t(lang, "score"))} ${num(fmt(g.score))} · ${h(t(lang, "impact"))} ${num(formatImpact(g.impact, report.rubric.display))}</span></li>`;
  });
  const gapsCard = `<section class="card top-gaps" id="top-gaps" aria-labelledby="top-gaps-h"><h2 id="top-gaps-h">${h(t(lang, "largestGaps"))}</h2>${gapItems.length === 0 ? `<p>${h(t(lang, "noGaps"))}</p>` : `<ol>${gapItems.join("")}</ol>`}</section>`;
  let stepsCard = "";
  if (report.stages.length > 0) {
    const steps = report.roadmap.slice(0, PAGE_ONE_STEPS).map((s) => {
      const def = report.rubricDef.criteria.get(s.criterion);
      return `<li><span class="crit-title">${h(tx(def?.title) || s.criterion)}</span><span class="meta">${h(fromToText(report, s.criterion, s.from, s.to, lang))} · ${h(t(lang, "indexAfter"))} ${num(fmt(s.index))} · ${h(t(lang, "stageAfter"))}: ${h(dimensionTitle(report, s.stageAfter, lang))}</span></li>`;
    });
    const more = report.roadmap.length > PAGE_ONE_STEPS ? `<p class="muted small">${h(plural(lang, "report.moreSteps", report.roadmap.length - PAGE_ONE_STEPS))}</p>` : "";
    stepsCard = `<section class="card next-steps" id="next-steps" aria-labelledby="next-steps-h"><h2 id="next-steps-h">${h(t(lang, "report.nextSteps"))}</h2>${steps.length === 0 ? `<p>${h(t(lang, "noRoadmap"))}</p>` : `<ol>${steps.join("")}</ol>${more}`}</section>`;
  }
  parts.push(`<div class="grid overview">${gapsCard}${stepsCard}</div>`);
  return `<div class="page-one">${parts.join("\n")}</div>`;
}

/** The dimensions against their targets, each with the consultant's finding under it. */
function dimensionsHtml(report: Report, lang: string): string {
  const h = escapeHtml;
  const num = (text: string) => `<bdi dir="ltr">${h(text)}</bdi>`;
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const findings = narrativeOf(report, lang).findings;
  const rows = report.dimensions.map((d) => {
    const status = d.status ? ` · ${t(lang, `status.${d.status}`)}` : "";
    const finding = findings.get(d.id);
    const title = `<td><span class="dim-title">${h(rubricText(report, d.title, lang) || d.id)}</span><span class="kind">${h(t(lang, `kind.${d.kind}`) + status)}</span></td>`;
    const cls = finding === undefined ? "" : ` class="has-finding"`;
    if (notAssessed(d)) {
      const row = `<tr data-dimension="${h(d.id)}"${cls}>${title}<td class="num not-assessed" colspan="3">${h(t(lang, "report.notAssessed"))}</td><td class="bar-cell"></td></tr>`;
      return finding === undefined ? row : `${row}<tr class="finding"><td colspan="5">${autoDir("p", finding)}</td></tr>`;
    }
    const bar = barSvg(d.score, { lang, label: t(lang, "gapBar", { score: fmt(d.score), target: fmt(d.target) }), target: d.target, width: 220 });
    const gapClass = d.gap === null ? "" : d.gap > 0 ? " warn" : " ok";
    const row = `<tr data-dimension="${h(d.id)}"${cls}>${title}<td class="num">${num(fmt(d.score))}</td><td class="num">${num(fmt(d.target))}</td><td class="num${gapClass}">${num(fmt(d.gap))}</td><td class="bar-cell">${bar}</td></tr>`;
    return finding === undefined ? row : `${row}<tr class="finding"><td colspan="5">${autoDir("p", finding)}</td></tr>`;
  });
  return `<section class="flow dims-section" id="dimensions"><h2>${h(t(lang, "dimensions"))}</h2><table class="dims"><thead><tr><th>${h(t(lang, "dimension"))}</th><th class="num">${h(t(lang, "score"))}</th><th class="num">${h(t(lang, "target"))}</th><th class="num">${h(t(lang, "gap"))}</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/**
 * `--format html` of `report`: one self-contained page (inline CSS and SVG, no script, no network).
 * Page 1 is the summary (draft banner, headline, executive summary, radar, stage ladder, five largest
 * gaps, next steps); then context, dimensions with findings, the roadmap, the gap list (`ctx.top`,
 * `ctx.allCriteria`), the unanswered criteria and the appendix of every answer. `dir="rtl"` for Arabic. Pure.
 */
export function renderReportHtml(report: Report, ctx: RenderContext): string {
  const lang = ctx.lang;
  const h = escapeHtml;
  const summary = summarise(report, lang);
  const sections: string[] = [pageOne(report, ctx)];
  const context = narrativeOf(report, lang).context;
  if (context !== "") sections.push(`<section class="flow context" id="context"><h2>${h(t(lang, "report.context"))}</h2>${context.split(/\n\s*\n/).map((p) => autoDir("p", p.trim())).join("")}</section>`);
  sections.push(dimensionsHtml(report, lang));
  if (report.stages.length > 0) sections.push(roadmapSectionHtml(report, lang));
  const opts: { top?: number; allCriteria?: boolean } = {};
  if (ctx.top !== undefined) opts.top = ctx.top;
  if (ctx.allCriteria !== undefined) opts.allCriteria = ctx.allCriteria;
  sections.push(gapSectionHtml(report, lang, opts));
  sections.push(unansweredSectionHtml(report, lang));
  sections.push(appendixHtml(report, lang));
  sections.push(`<footer>${h(t(lang, "generatedBy", { version: ctx.toolVersion, date: ctx.now.toISOString().slice(0, 10) }))}</footer>`);
  return htmlPage(`${summary.agency} — ${t(lang, "reportOf")}`, sections.filter(Boolean).join("\n"), ctx, REPORT_CSS);
}
