import type { Comparison } from "../../core/compare.js";
import { answerText, criterionTitle, dimensionTitle, evidenceText, formatDelta, roadmapCounts, rubricVersions, sharedCount, trendOf } from "./common.js";
import { formatScore, textOf, type RenderContext } from "../../render/context.js";
import { escapeHtml, safeLinkUrl } from "../../render/escape.js";
import { htmlPage, isRtl } from "../../render/html-page.js";
import { plural, t } from "../../i18n/index.js";
import { radarSvg, svgText } from "../../render/svg-charts.js";

const PALETTE = ["#1f6fb2", "#c2410c", "#15803d", "#7c3aed", "#be185d", "#0f766e", "#b45309", "#4b5563", "#0369a1", "#a21caf"];
const round = (x: number) => Number(x.toFixed(1));

const CSS = `.delta{display:block}
.up{color:var(--ok)}.down{color:var(--bad)}
.trend-index{stroke-width:3.5}
.legend .swatch{height:4px}
td.bar{width:210px}`;

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

/** A line chart of the index (thick) and every dimension over the dates; mirrored for a right-to-left language. */
function trendSvg(cmp: Comparison, lang: string, title: string, names: readonly string[]): string {
  const W = 640;
  const H = 300;
  const left = 56;
  const right = 48;
  const top = 16;
  const bottom = 40;
  const n = cmp.snapshots.length;
  const rtl = isRtl(lang);
  const xOf = (i: number) => {
    const x = left + ((W - left - right) * i) / Math.max(1, n - 1);
    return round(rtl ? W - x : x);
  };
  const yOf = (v: number) => round(top + (H - top - bottom) * (1 - Math.max(0, Math.min(1, v))));
  const parts = [`<title>${escapeHtml(title)}</title>`];
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${rtl ? right : left}" y1="${yOf(f)}" x2="${rtl ? W - left : W - right}" y2="${yOf(f)}" stroke="#d6dce4" stroke-width="1"/>`);
    parts.push(svgText([`${Math.round(f * 100)}%`], rtl ? W - left + 6 : left - 6, yOf(f) + 4, { lang: "en", side: rtl ? "left-edge" : "right-edge", size: 11, fill: "#5b6675" }));
  }
  cmp.snapshots.forEach((s, i) => parts.push(svgText([s.date], xOf(i), H - bottom + 20, { lang: "en", side: "middle", size: 11, fill: "#5b6675" })));
  const line = (series: readonly (number | null)[], color: string, cls: string) => {
    const segments: string[][] = [[]];
    series.forEach((v, i) => {
      if (v === null) segments.push([]);
      else segments[segments.length - 1]!.push(`${xOf(i)},${yOf(v)}`);
    });
    for (const seg of segments) if (seg.length > 1) parts.push(`<polyline class="${cls}" points="${seg.join(" ")}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>`);
    series.forEach((v, i) => {
      if (v !== null) parts.push(`<circle cx="${xOf(i)}" cy="${yOf(v)}" r="3" fill="${color}"/>`);
    });
  };
  cmp.dimensions.forEach((d, k) => line(d.series, PALETTE[(k + 1) % PALETTE.length]!, "trend-dimension"));
  line(cmp.snapshots.map((s) => s.report.index), "#1b2430", "trend-index");
  const desc = [`${names[0] ?? ""}: ${cmp.snapshots.map((s) => formatScore(s.report.index, cmp.rubric.display)).join(", ")}`, ...cmp.dimensions.map((d, k) => `${names[k + 1] ?? d.id}: ${d.series.map((v) => formatScore(v, cmp.rubric.display)).join(", ")}`)];
  parts.splice(1, 0, `<desc>${escapeHtml(desc.join("; "))}</desc>`);
  return `<svg class="trend chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">${parts.join("")}</svg>`;
}

/** `compare --format html`: a self-contained page with the radar overlay, delta bars and, over more than two dates, the trend chart. */
export function renderCompareHtml(cmp: Comparison, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = cmp.rubric;
  const e = escapeHtml;
  const fmt = (s: number | null | undefined) => formatScore(s, rubric.display);
  const num = (text: string) => `<bdi>${e(text)}</bdi>`;
  const dl = (d: number | null) => `<span class="${{ up: "up", down: "down", same: "muted", none: "muted" }[trendOf(d, rubric.display)]}">${num(formatDelta(d, rubric.display, lang))}</span>`;
  const dim = (id: string | null) => e(dimensionTitle(cmp, id, lang));
  const crit = (id: string) => `${e(criterionTitle(cmp, id, lang))}<br><code>${e(id)}</code>`;
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
  const gate = (g: Comparison["stage"]["cleared"][number]) => `${e(t(lang, "cmp.gateOf", { stage: dimensionTitle(cmp, g.stage, lang), dimension: dimensionTitle(cmp, g.dimension ?? g.criterion ?? null, lang), min: fmt(g.min) }))}: ${num(fmt(g.before))}${to}${num(fmt(g.after))}`;
  const gates = [...cmp.stage.cleared.map((g) => `<li><span class="badge ok">${e(t(lang, "cmp.gateCleared"))}</span> ${gate(g)}</li>`), ...cmp.stage.newlyBlocking.map((g) => `<li><span class="badge bad">${e(t(lang, "cmp.gateBlocking"))}</span> ${gate(g)}</li>`)];
  if (gates.length > 0) head.push(`<ul class="plain" style="margin-top:12px">${gates.join("")}</ul>`);
  body.push(`<header class="card">${head.join("\n")}</header>`);

  const labels = cmp.dimensions.map((d) => textOf(rubric, d.title, lang));
  const radar = radarSvg(labels, [
    { name: first.date, values: cmp.dimensions.map((d) => d.before), style: "line", color: "#8a94a3" },
    { name: last.date, values: cmp.dimensions.map((d) => d.after), style: "area" },
  ], { lang, title: t(lang, "cmp.radar"), notes: cmp.dimensions.map((d) => `${fmt(d.before)}${to}${fmt(d.after)}`), ringLabel: (f) => `${Math.round(f * 100)}%` });
  const legend = `<div class="legend"><span><span class="swatch" style="background:#8a94a3"></span>${e(t(lang, "cmp.before"))} ${num(first.date)}</span><span><span class="swatch" style="background:#1f6fb2"></span>${e(t(lang, "cmp.after"))} ${num(last.date)}</span></div>`;
  body.push(`<section class="card"><h2>${e(t(lang, "cmp.radar"))}</h2>${radar}${legend}</section>`);

  const rows = cmp.dimensions.map((d) => `<tr><td>${e(textOf(rubric, d.title, lang))}<br><span class="muted small">${e(t(lang, `kind.${d.kind}`))}</span></td><td class="num">${num(fmt(d.before))}</td><td class="num">${num(fmt(d.after))}</td><td class="num">${dl(d.delta)}</td><td class="bar">${deltaBarSvg(d.delta, `${textOf(rubric, d.title, lang)}: ${formatDelta(d.delta, rubric.display, lang)}`, lang)}</td></tr>`);
  body.push(`<section class="card"><h2>${e(t(lang, "cmp.deltaBars"))}</h2><table><thead><tr><th>${e(t(lang, "dimension"))}</th><th class="num">${e(t(lang, "cmp.before"))}</th><th class="num">${e(t(lang, "cmp.after"))}</th><th class="num">${e(t(lang, "cmp.change"))}</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`);

  if (cmp.snapshots.length > 2) {
    const names = [t(lang, "index"), ...labels];
    const legendItems = names.map((n, k) => `<span><span class="swatch" style="background:${k === 0 ? "#1b2430" : PALETTE[k % PALETTE.length]}"></span>${e(n)}</span>`).join("");
    const history = hasStages ? `<h3 style="margin-top:16px">${e(t(lang, "cmp.stageHistory"))}</h3><table><tbody>${cmp.snapshots.map((s) => `<tr><td class="num">${num(s.date)}</td><td class="num">${num(fmt(s.report.index))}</td><td>${dim(s.report.stage.current)}</td></tr>`).join("")}</tbody></table>` : "";
    body.push(`<section class="card"><h2>${e(t(lang, "cmp.indexTrend"))}</h2>${trendSvg(cmp, lang, t(lang, "cmp.indexTrend"), names)}<div class="legend">${legendItems}</div>${history}</section>`);
  }

  const changes = (title: string, empty: string, list: Comparison["improved"]) => {
    const inner = list.length === 0 ? `<p>${e(empty)}</p>` : `<table><thead><tr><th>${e(t(lang, "criterion"))}</th><th>${e(t(lang, "fromTo"))}</th><th class="num">${e(t(lang, "cmp.change"))}</th></tr></thead><tbody>${list.map((x) => `<tr><td>${crit(x.id)}</td><td>${e(answerText(cmp, "before", x.id, x.before, lang))}${to}${e(answerText(cmp, "after", x.id, x.after, lang))}</td><td class="num">${dl(x.delta)}</td></tr>`).join("")}</tbody></table>`;
    return `<section class="card"><h2>${e(title)} (${list.length})</h2>${inner}</section>`;
  };
  body.push(`<div class="grid">${changes(t(lang, "cmp.improved"), t(lang, "cmp.noImproved"), cmp.improved)}${changes(t(lang, "cmp.regressed"), t(lang, "cmp.noRegressed"), cmp.regressed)}</div>`);

  const ev = cmp.evidence;
  const item = (x: Comparison["evidence"]["added"][number]) => {
    const url = x.evidence.url === undefined ? undefined : safeLinkUrl(x.evidence.url);
    const what = url !== undefined ? `<a href="${e(url)}" rel="noopener noreferrer">${e(x.evidence.url ?? "")}</a>` : e(x.evidence.url ?? x.evidence.note ?? "");
    const note = x.evidence.url !== undefined && x.evidence.note !== undefined ? ` — ${e(x.evidence.note)}` : "";
    return `<li><code>${e(x.criterion)}</code> ${what}${note}${x.evidence.date ? ` <span class="muted">${num(x.evidence.date)}</span>` : ""}</li>`;
  };
  const evList = (heading: string, items: Comparison["evidence"]["added"]) => (items.length === 0 ? "" : `<h3>${e(heading)}</h3><ul class="plain">${items.map(item).join("")}</ul>`);
  body.push(`<section class="card"><h2>${e(t(lang, "evidence"))}</h2><p>${e(t(lang, "cmp.evidenceSummary", { added: ev.added.length, removed: ev.removed.length, stale: ev.stale.length, days: plural(lang, "cmp.days", ev.staleAfterDays), date: last.date }))}</p>${evList(t(lang, "cmp.evidenceAdded"), ev.added)}${evList(t(lang, "cmp.evidenceRemoved"), ev.removed)}${evList(plural(lang, "cmp.evidenceStale", ev.staleAfterDays, { date: last.date }), ev.stale)}</section>`);

  if (hasStages) {
    let inner: string;
    if (cmp.roadmap.length === 0) inner = `<p>${e(t(lang, "cmp.noRoadmap"))}</p>`;
    else {
      const n = roadmapCounts(cmp);
      const cls = { done: "ok", partial: "warn", open: "muted", dropped: "muted" };
      inner = `<p>${e(plural(lang, "cmp.roadmapSummary", cmp.roadmap.length, { done: n.done, partial: n.partial }))}</p><table><thead><tr><th class="num">#</th><th>${e(t(lang, "criterion"))}</th><th>${e(t(lang, "target"))}</th><th>${e(t(lang, "cmp.now"))}</th><th>${e(t(lang, "status"))}</th></tr></thead><tbody>${cmp.roadmap
        .map((r, i) => `<tr><td class="num">${i + 1}</td><td>${crit(r.step.criterion)}</td><td>${e(answerText(cmp, "before", r.step.criterion, r.step.to, lang))}</td><td>${r.now === null ? "—" : e(answerText(cmp, "after", r.step.criterion, r.now, lang))}</td><td><span class="badge ${cls[r.status]}">${e(t(lang, `cmp.progress.${r.status}`))}</span></td></tr>`)
        .join("")}</tbody></table>`;
    }
    body.push(`<section class="card"><h2>${e(t(lang, "cmp.roadmapOf", { date: first.date }))}</h2>${inner}</section>`);
  }
  const ids = (heading: string, list: readonly string[]) => (list.length === 0 ? "" : `<p>${e(heading)}: ${list.map((id) => `<code>${e(id)}</code>`).join(", ")}</p>`);
  const rubricNotes = ids(t(lang, "cmp.newCriteria"), cmp.newCriteria) + ids(t(lang, "cmp.droppedCriteria"), cmp.droppedCriteria);
  if (rubricNotes !== "") body.push(`<section class="card">${rubricNotes}</section>`);
  body.push(`<footer>egov-maturity ${e(ctx.toolVersion)}</footer>`);
  return htmlPage(title, body.join("\n"), ctx, CSS);
}
