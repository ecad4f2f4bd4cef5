import type { CriterionResult, Report } from "../../core/score.js";
import { formatAnswer, formatImpact, formatScore } from "../../render/context.js";
import { escapeHtml, safeLinkUrl } from "../../render/escape.js";
import { isRtl } from "../../render/html-page.js";
import { t } from "../../i18n/index.js";
import { dimensionTitle, gapList, gapListHeading, rubricText, unansweredByDimension } from "../summary.js";

/** CSS of the report's sections after page 1 (appended to the page's stylesheet). */
export const SECTIONS_CSS = `.flow{margin:0 0 18px}
.flow>h2{margin:6px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
.flow h3{margin:14px 0 6px}
table.list td,table.list th{padding:5px 6px;font-size:.9rem}
table.list td.rank{width:2em;color:var(--muted)}
.gaps .rec{font-size:.85rem;color:#334155}
.crit-title{font-weight:600}
.evidence{margin:2px 0 0;padding-inline-start:1.1em;font-size:.85rem}
.note{margin:2px 0 0;font-size:.85rem;color:#334155;white-space:pre-line}
.unanswered-list{columns:2 18em;column-gap:28px;margin:0;padding-inline-start:1.2em}
.unanswered-list li{break-inside:avoid}
.appendix-columns{columns:2 22em;column-gap:22px}
.appendix-columns h3:first-child{margin-top:0}
.appendix table.list td,.appendix table.list th{font-size:.85rem;padding:3px 4px}
.appendix .evidence,.appendix .note{font-size:.8rem}
.appendix td.answer{white-space:nowrap}`;

/** Text whose direction follows its own first strong letter (a Latin note inside an Arabic page keeps its full stop at its end). */
export function autoDir(tag: "p" | "span" | "li" | "div", text: string, cls = ""): string {
  return `<${tag}${cls ? ` class="${cls}"` : ""} dir="auto">${escapeHtml(text)}</${tag}>`;
}

/** One criterion's evidence as a list: links only for http(s)/mailto URLs (javascript: and others stay text). */
export function evidenceHtml(c: CriterionResult | undefined, lang: string): string {
  if (c === undefined || c.evidence.length === 0) return "";
  const items = c.evidence.map((e) => {
    const url = e.url === undefined ? undefined : safeLinkUrl(e.url);
    const label = `<bdi>${escapeHtml(e.note ?? e.url ?? "")}</bdi>`;
    const body = url !== undefined ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>` : label;
    const raw = e.url !== undefined && url === undefined && e.note !== undefined ? ` <code>${escapeHtml(e.url)}</code>` : "";
    const date = e.date ? ` <span class="muted">(<bdi dir="ltr">${escapeHtml(e.date)}</bdi>)</span>` : "";
    return `<li>${body}${raw}${date}</li>`;
  });
  return `<ul class="evidence" aria-label="${escapeHtml(t(lang, "evidence"))}">${items.join("")}</ul>`;
}

/** "2 Developing → 4 Optimised" in the reading direction. */
export function fromToText(report: Report, criterion: string, from: CriterionResult["answer"], to: CriterionResult["answer"], lang: string): string {
  return `${formatAnswer(report.rubricDef, criterion, from, lang)} ${isRtl(lang) ? "←" : "→"} ${formatAnswer(report.rubricDef, criterion, to, lang)}`;
}

/** The full roadmap as a table: step, criterion, from → to, index and stage after. */
export function roadmapSectionHtml(report: Report, lang: string): string {
  const h = escapeHtml;
  const num = (s: string) => `<bdi dir="ltr">${h(s)}</bdi>`;
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  if (report.roadmap.length === 0) return `<section class="flow roadmap" id="roadmap"><h2>${h(t(lang, "roadmap"))}</h2><p>${h(t(lang, "noRoadmap"))}</p></section>`;
  const rows = report.roadmap.map((s, i) => {
    const def = report.rubricDef.criteria.get(s.criterion);
    const why = s.reason === "gate" ? `${t(lang, "gateStep")} ${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}` : `${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}`;
    const rec = tx(def?.recommendation);
    return `<tr><td class="rank">${i + 1}</td><td><span class="crit-title">${h(tx(def?.title) || s.criterion)}</span> <span class="muted small">· ${h(why)}</span>${rec ? `<p class="rec small">${h(rec)}</p>` : ""}</td><td>${h(fromToText(report, s.criterion, s.from, s.to, lang))}</td><td class="num">${num(formatScore(s.index, report.rubric.display))}</td><td>${h(dimensionTitle(report, s.stageAfter, lang))}</td></tr>`;
  });
  return `<section class="flow roadmap" id="roadmap"><h2>${h(t(lang, "roadmap"))}</h2><table class="list"><thead><tr><th>#</th><th>${h(t(lang, "criterion"))}</th><th>${h(t(lang, "fromTo"))}</th><th class="num">${h(t(lang, "indexAfter"))}</th><th>${h(t(lang, "stageAfter"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/** The gap list (below target by default; `top`, `allCriteria` as the CLI's --top and --all-criteria). */
export function gapSectionHtml(report: Report, lang: string, opts: { top?: number; allCriteria?: boolean }): string {
  const h = escapeHtml;
  const num = (s: string) => `<bdi dir="ltr">${h(s)}</bdi>`;
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  const list = gapList(report, opts);
  const hidden = report.gaps.length - list.length;
  const rows = list.map((g, i) => {
    const def = report.rubricDef.criteria.get(g.criterion);
    const rec = tx(def?.recommendation);
    return `<tr data-criterion="${h(g.criterion)}"><td class="rank">${i + 1}</td><td><span class="crit-title">${h(tx(def?.title) || g.criterion)}</span> <span class="muted small">· ${h(dimensionTitle(report, g.dimension, lang))}</span>${rec ? ` — <span class="rec small">${h(rec)}</span>` : ""}</td><td class="num">${num(formatScore(g.score, report.rubric.display))}</td><td class="num">${num(formatImpact(g.impact, report.rubric.display))}</td></tr>`;
  });
  const body = list.length === 0 ? `<p>${h(t(lang, "noGaps"))}</p>` : `<table class="list"><thead><tr><th>#</th><th>${h(t(lang, "criterion"))}</th><th class="num">${h(t(lang, "score"))}</th><th class="num">${h(t(lang, "impact"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  const more = hidden > 0 ? `<p class="muted small">${h(t(lang, "report.gapsHidden", { n: hidden }))}</p>` : "";
  return `<section class="flow gaps" id="gaps"><h2>${h(gapListHeading(lang, opts))}</h2>${body}${more}</section>`;
}

/** The unanswered criteria by title, grouped by dimension. */
export function unansweredSectionHtml(report: Report, lang: string): string {
  const groups = unansweredByDimension(report, lang);
  if (groups.length === 0) return "";
  const h = escapeHtml;
  return `<section class="flow unanswered" id="unanswered"><h2>${h(t(lang, "report.unansweredList"))}</h2><ul class="unanswered-list">${groups.flatMap((g) => g.criteria.map((c) => `<li>${h(c)} <span class="muted small">· ${h(g.dimension)}</span></li>`)).join("")}</ul></section>`;
}

/** The appendix: every criterion of every dimension with its answer, score, evidence and notes. */
export function appendixHtml(report: Report, lang: string): string {
  const h = escapeHtml;
  const num = (s: string) => `<bdi dir="ltr">${h(s)}</bdi>`;
  const parts = report.dimensions.map((d) => {
    const rows = d.criteria.map((c) => {
      const answer = c.status === "unanswered" ? t(lang, "unanswered") : formatAnswer(report.rubricDef, c.id, c.answer, lang);
      const na = c.answer.kind === "na" ? autoDir("p", c.answer.reason, "note") : "";
      return `<tr data-criterion="${h(c.id)}"><td><span class="crit-title">${h(rubricText(report, c.title, lang) || c.id)}</span>${na}${c.notes !== undefined ? autoDir("p", c.notes, "note") : ""}${evidenceHtml(c, lang)}</td><td class="answer">${h(answer)}</td><td class="num">${num(formatScore(c.score, report.rubric.display))}</td></tr>`;
    });
    return `<div class="dim-block"><h3>${h(rubricText(report, d.title, lang) || d.id)}</h3><table class="list"><thead><tr><th>${h(t(lang, "criterion"))}</th><th>${h(t(lang, "report.answer"))}</th><th class="num">${h(t(lang, "score"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
  });
  return `<section class="flow appendix" id="appendix"><h2>${h(t(lang, "report.appendix"))}</h2><div class="appendix-columns">${parts.join("")}</div></section>`;
}
