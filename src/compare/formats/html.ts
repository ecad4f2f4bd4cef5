import type { Comparison } from "../../core/compare.js";
import { answerText, criterionTitle, dimensionTitle, evidenceText, formatDelta, roadmapCounts, rubricVersions, sharedCount, trendOf } from "./common.js";
import { formatScore, textOf, type RenderContext } from "../../render/context.js";
import { escapeHtml, safeLinkUrl } from "../../render/escape.js";
import { htmlPage, isRtl } from "../../render/html-page.js";
import { plural, t } from "../../i18n/index.js";
import { radarSvg } from "../../render/svg-charts.js";
import { lineChartSvg, OKABE_ITO, type LineSeries } from "../../render/svg-lines.js";

const round = (x: number) => Number(x.toFixed(1));

const CSS = `.delta{display:block}
.up{color:var(--ok)}.down{color:var(--bad)}
table.deltas svg.delta{display:block;width:100%;max-width:120px;height:auto;margin:2px 0 0 auto}
[dir=rtl] table.deltas svg.delta{margin:2px auto 0 0}
svg.trend{display:block;margin:0 auto;max-height:330px;width:auto}
.grid.overview{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.grid.overview svg.radar{max-height:300px;width:auto;display:block;margin:0 auto}
.flow{margin:0 0 16px}
.flow>h2{margin:6px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
table.list td,table.list th{padding:4px 6px;font-size:.9rem}
table.list td.to{white-space:nowrap}
.none-line{margin:0 0 16px}
.evidence-lists{columns:2 20em;column-gap:24px}
.evidence-lists h3{margin:6px 0 4px;font-size:.95rem}
.evidence-lists li{break-inside:avoid;font-size:.85rem;margin:0 0 3px}
@media (max-width:820px){.grid.overview{grid-template-columns:1fr}}
@media print{
@page{size:auto;margin:12mm 12mm}
html{font-size:12px}
body{font-size:1rem;line-height:1.4}
.card{padding:10px 14px;margin:0 0 10px}
.grid{gap:10px;margin:0 0 10px}
.grid.overview{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.grid.overview svg.radar{max-height:6.2cm}
svg.trend{max-height:7cm}
th,td{padding:3px 6px}
.flow>h2{break-after:avoid}
thead{display:table-header-group}
}`;

/** A diverging bar of a change in [−1, 1] around a centre line: rises green to the reading direction's end, falls red. */
function deltaBarSvg(change: number | null, label: string, lang: string): string {
  const w = 200;
  const h = 14;
  const mid = w / 2;
  const parts = [`<title>${escapeHtml(label)}</title>`, `<rect x="0" y="0" width="${w}" height="${h}" rx="3" fill="#eef1f5"/>`];
  if (change !== null && change !== 0) {
    const len = round(Math.min(1, Math.abs(change)) * mid);
    const forward = (change > 0) !== isRtl(lang);
    parts.push(`<rect class="${change > 0 ? "delta-up" : "delta-down"}" x="${forward ? mid : round(mid - len)}" y="2" width="${len}" height="${h - 4}" rx="2" fill="${change > 0 ? "#15803d" : "#b91c1c"}"/>`);
  }
  parts.push(`<line x1="${mid}" y1="-2" x2="${mid}" y2="${h + 2}" stroke="#5b6675" stroke-width="1.5"/>`);
  return `<svg class="delta" xmlns="http://www.w3.org/2000/svg" viewBox="0 -2 ${w} ${h + 4}" width="${w}" height="${h + 4}" role="img" aria-label="${escapeHtml(label)}">${parts.join("")}</svg>`;
}

/** `compare --format html`: a self-contained page with the radar overlay, delta bars and, over more than two dates, the trend chart. */
export function renderCompareHtml(cmp: Comparison, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = cmp.rubric;
  const e = escapeHtml;
  const fmt = (s: number | null | undefined) => formatScore(s, rubric.display);
  const num = (text: string) => `<bdi dir="ltr">${e(text)}</bdi>`;
  const dl = (d: number | null) => `<span class="${{ up: "up", down: "down", same: "muted", none: "muted" }[trendOf(d, rubric.display)]}">${num(formatDelta(d, rubric.display, lang))}</span>`;
  const dim = (id: string | null) => e(dimensionTitle(cmp, id, lang));
  const crit = (id: string) => e(criterionTitle(cmp, id, lang));
  const first = cmp.snapshots[0]!;
  const last = cmp.snapshots[cmp.snapshots.length - 1]!;
  // "before → after" in the reading direction: in a right-to-left page the arrow points left.
  const to = isRtl(lang) ? " ← " : " → ";
  const hasStages = rubric.dimensions.some((d) => d.kind === "stage");
  const name = cmp.agency.name === undefined ? cmp.agency.id : textOf(rubric, cmp.agency.name, lang);
  const title = `${name} — ${textOf(rubric, rubric.title, lang)}`;
  const body: string[] = [];

  const head: string[] = [`<h1>${e(name)}</h1>`, `<p class="muted">${e(textOf(rubric, rubric.title, lang))} · ${e(t(lang, "cmp.assessments"))}: ${cmp.snapshots.map((s) => num(s.date)).join(" · ")}</p>`];
  const versions = rubricVersions(cmp);
  if (cmp.basis === "shared") head.push(`<p class="warn">${e(plural(lang, "cmp.basisShared", sharedCount(cmp), { versions: versions ?? "" }))}</p>`);
  else if (versions !== null) head.push(`<p class="muted">${e(t(lang, "rubric"))}: ${e(versions)}</p>`);
  const klass = (k: Comparison["classification"]["before"]) => (k === null ? t(lang, "none") : textOf(rubric, k.label, lang));
  const kpis = [`<div class="kpi"><span class="label">${e(t(lang, "index"))}</span><span class="value">${num(fmt(cmp.index.before))}${to}${num(fmt(cmp.index.after))}</span>${dl(cmp.index.delta)}</div>`];
  if (cmp.classification.before !== null || cmp.classification.after !== null) kpis.push(`<div class="kpi"><span class="label">${e(t(lang, "class"))}</span><span class="value">${e(klass(cmp.classification.before))}${to}${e(klass(cmp.classification.after))}</span></div>`);
  if (hasStages) {
    const dir = cmp.stage.direction;
    kpis.push(`<div class="kpi"><span class="label">${e(t(lang, "stage"))}</span><span class="value">${dim(cmp.stage.before)}${to}${dim(cmp.stage.after)}</span><span class="badge ${dir === "up" ? "ok" : dir === "down" ? "bad" : "muted"}">${e(t(lang, `cmp.stage.${dir}`))}</span></div>`);
  }
  head.push(`<div class="kpis">${kpis.join("")}</div>`);
  // The minimum is isolated left to right inside the sentence, so "≥ 50.0%" keeps its order in Arabic.
  const gate = (g: Comparison["stage"]["cleared"][number]) => `${e(t(lang, "cmp.gateOf", { stage: dimensionTitle(cmp, g.stage, lang), dimension: dimensionTitle(cmp, g.dimension ?? g.criterion ?? null, lang), min: "\uE000" })).replace("\uE000", num(fmt(g.min)))}: ${num(fmt(g.before))}${to}${num(fmt(g.after))}`;
  const gates = [...cmp.stage.cleared.map((g) => `<li><span class="badge ok">${e(t(lang, "cmp.gateCleared"))}</span> ${gate(g)}</li>`), ...cmp.stage.newlyBlocking.map((g) => `<li><span class="badge bad">${e(t(lang, "cmp.gateBlocking"))}</span> ${gate(g)}</li>`)];
  if (gates.length > 0) head.push(`<ul class="plain" style="margin-top:12px">${gates.join("")}</ul>`);
  body.push(`<header class="card">${head.join("\n")}</header>`);

  const labels = cmp.dimensions.map((d) => textOf(rubric, d.title, lang));
  const radar = radarSvg(labels, [
    { name: first.date, values: cmp.dimensions.map((d) => d.before), style: "line", color: "#8a94a3" },
    { name: last.date, values: cmp.dimensions.map((d) => d.after), style: "area" },
  ], { lang, title: t(lang, "cmp.radar"), notes: cmp.dimensions.map((d) => `${fmt(d.before)}${to}${fmt(d.after)}`), ringLabel: (f) => `${Math.round(f * 100)}%` });
  const legend = `<div class="legend"><span><span class="swatch" style="background:#8a94a3"></span>${e(t(lang, "cmp.before"))} ${num(first.date)}</span><span><span class="swatch" style="background:#1f6fb2"></span>${e(t(lang, "cmp.after"))} ${num(last.date)}</span></div>`;
  const radarCard = `<section class="card"><h2>${e(t(lang, "cmp.radar"))}</h2>${radar}${legend}</section>`;
  let trendCard = "";
  if (cmp.snapshots.length > 2) {
    // Okabe–Ito colours; past seven dimensions a colour comes back dashed. The index is the thick black line.
    const series: LineSeries[] = [
      ...cmp.dimensions.map((d, k) => ({ name: labels[k] ?? d.id, values: d.series, color: OKABE_ITO[k % OKABE_ITO.length]!, ...(k >= OKABE_ITO.length ? { dash: "6 3" } : {}) })),
      { name: t(lang, "index"), values: cmp.snapshots.map((s) => s.report.index), color: "#000000", width: 3.5 },
    ];
    const history = hasStages ? `<table class="list"><thead><tr><th>${e(t(lang, "date"))}</th><th class="num">${e(t(lang, "index"))}</th><th>${e(t(lang, "stage"))}</th></tr></thead><tbody>${cmp.snapshots.map((s) => `<tr><td>${num(s.date)}</td><td class="num">${num(fmt(s.report.index))}</td><td>${dim(s.report.stage.current)}</td></tr>`).join("")}</tbody></table>` : "";
    trendCard = `<section class="card"><h2>${e(t(lang, "cmp.indexTrend"))}</h2>${lineChartSvg(cmp.snapshots.map((s) => s.date), series, { lang, title: t(lang, "cmp.indexTrend"), percent: (f) => `${Math.round(f * 100)}%` })}${history}</section>`;
  }
  const rows = cmp.dimensions.map((d) => `<tr><td>${e(textOf(rubric, d.title, lang))}</td><td class="num">${num(fmt(d.before))}</td><td class="num">${num(fmt(d.after))}</td><td class="num">${dl(d.delta)}${deltaBarSvg(d.delta, `${textOf(rubric, d.title, lang)}: ${formatDelta(d.delta, rubric.display, lang)}`, lang)}</td></tr>`);
  const deltaCard = `<section class="card"><h2>${e(t(lang, "cmp.deltaBars"))}</h2><table class="list deltas"><thead><tr><th>${e(t(lang, "dimension"))}</th><th class="num">${e(t(lang, "cmp.before"))}</th><th class="num">${e(t(lang, "cmp.after"))}</th><th class="num">${e(t(lang, "cmp.change"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
  body.push(`<div class="grid overview">${radarCard}${deltaCard}</div>`);
  body.push(trendCard);

  // Improved and regressed criteria: full-width tables; an empty list is one line, not a box.
  const changes = (title: string, empty: string, list: Comparison["improved"], id: string) => {
    if (list.length === 0) return `<p class="none-line" id="${id}"><strong>${e(title)}:</strong> ${e(empty)}</p>`;
    const rows = list.map((x) => `<tr data-criterion="${e(x.id)}"><td>${e(criterionTitle(cmp, x.id, lang))} <span class="muted small">· ${dim(x.dimension)}</span></td><td class="to">${e(answerText(cmp, "before", x.id, x.before, lang))}${to}${e(answerText(cmp, "after", x.id, x.after, lang))}</td><td class="num">${dl(x.delta)}</td></tr>`);
    return `<section class="flow" id="${id}"><h2>${e(title)} (${num(String(list.length))})</h2><table class="list"><thead><tr><th>${e(t(lang, "criterion"))}</th><th>${e(t(lang, "fromTo"))}</th><th class="num">${e(t(lang, "cmp.change"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
  };
  body.push(changes(t(lang, "cmp.improved"), t(lang, "cmp.noImproved"), cmp.improved, "improved"));
  body.push(changes(t(lang, "cmp.regressed"), t(lang, "cmp.noRegressed"), cmp.regressed, "regressed"));

  const ev = cmp.evidence;
  const item = (x: Comparison["evidence"]["added"][number]) => {
    const url = x.evidence.url === undefined ? undefined : safeLinkUrl(x.evidence.url);
    const what = url !== undefined ? `<a href="${e(url)}" rel="noopener noreferrer">${e(x.evidence.url ?? "")}</a>` : e(x.evidence.url ?? x.evidence.note ?? "");
    const note = x.evidence.url !== undefined && x.evidence.note !== undefined ? ` — ${e(x.evidence.note)}` : "";
    return `<li><strong>${e(criterionTitle(cmp, x.criterion, lang))}</strong> ${what}${note}${x.evidence.date ? ` <span class="muted">${num(x.evidence.date)}</span>` : ""}</li>`;
  };
  const evList = (heading: string, items: Comparison["evidence"]["added"]) => (items.length === 0 ? "" : `<h3>${e(heading)}</h3><ul class="plain">${items.map(item).join("")}</ul>`);
  body.push(`<section class="flow" id="evidence"><h2>${e(t(lang, "evidence"))}</h2><p>${e(t(lang, "cmp.evidenceSummary", { added: ev.added.length, removed: ev.removed.length, stale: ev.stale.length, days: plural(lang, "cmp.days", ev.staleAfterDays), date: last.date }))}</p><div class="evidence-lists">${evList(t(lang, "cmp.evidenceAdded"), ev.added)}${evList(t(lang, "cmp.evidenceRemoved"), ev.removed)}${evList(plural(lang, "cmp.evidenceStale", ev.staleAfterDays, { date: last.date }), ev.stale)}</div></section>`);

  if (hasStages) {
    let inner: string;
    if (cmp.roadmap.length === 0) inner = `<p>${e(t(lang, "cmp.noRoadmap"))}</p>`;
    else {
      const n = roadmapCounts(cmp);
      const cls = { done: "ok", partial: "warn", open: "muted", dropped: "muted" };
      inner = `<p>${e(plural(lang, "cmp.roadmapSummary", cmp.roadmap.length, { done: n.done, partial: n.partial }))}</p><table class="list"><thead><tr><th class="num">#</th><th>${e(t(lang, "criterion"))}</th><th>${e(t(lang, "target"))}</th><th>${e(t(lang, "cmp.now"))}</th><th>${e(t(lang, "status"))}</th></tr></thead><tbody>${cmp.roadmap
        .map((r, i) => `<tr><td class="num">${i + 1}</td><td>${crit(r.step.criterion)}</td><td>${e(answerText(cmp, "before", r.step.criterion, r.step.to, lang))}</td><td>${r.now === null ? "—" : e(answerText(cmp, "after", r.step.criterion, r.now, lang))}</td><td><span class="badge ${cls[r.status]}">${e(t(lang, `cmp.progress.${r.status}`))}</span></td></tr>`)
        .join("")}</tbody></table>`;
    }
    body.push(`<section class="flow" id="roadmap"><h2>${e(t(lang, "cmp.roadmapOf", { date: first.date }))}</h2>${inner}</section>`);
  }
  const ids = (heading: string, list: readonly string[]) => (list.length === 0 ? "" : `<p>${e(heading)}: ${list.map((id) => `<code>${e(id)}</code>`).join(", ")}</p>`);
  const rubricNotes = ids(t(lang, "cmp.newCriteria"), cmp.newCriteria) + ids(t(lang, "cmp.droppedCriteria"), cmp.droppedCriteria);
  if (rubricNotes !== "") body.push(`<section class="card">${rubricNotes}</section>`);
  body.push(`<footer>egov-maturity ${e(ctx.toolVersion)}</footer>`);
  return htmlPage(title, body.join("\n"), ctx, CSS);
}
