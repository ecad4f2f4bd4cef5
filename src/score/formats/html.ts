import type { Batch } from "../batch.js";
import type { Rollup } from "../rollup.js";
import type { Rubric } from "../../core/rubric.js";
import { batchTexts, batchTitle } from "./common.js";
import { formatScore, type RenderContext } from "../../render/context.js";
import { escapeHtml } from "../../render/escape.js";
import { htmlPage } from "../../render/html-page.js";
import { plural, t } from "../../i18n/index.js";

const CSS = `.heat td.cell{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap;color:#111}
.heat th.dim{text-align:center;vertical-align:bottom;font-size:.75rem;min-width:64px;max-width:96px;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
.dist td.barcell{width:55%}
.hbar{height:12px;background:var(--accent);border-radius:2px}
.legend .swatch{width:18px}`;

/** A heatmap colour from red (0) through amber to green (1); grey for no score. */
export function heatColour(score: number | null): string {
  if (score === null) return "#e5e7eb";
  const hue = Math.round(Math.max(0, Math.min(1, score)) * 120);
  return `hsl(${hue},70%,80%)`;
}

function distribution(rows: { label: string; count: number }[], total: number, title: string, lang: string): string {
  const body = rows
    .map((r) => {
      const share = total === 0 ? 0 : r.count / total;
      return `<tr><td>${escapeHtml(r.label)}</td><td class="num">${r.count}</td><td class="barcell" aria-hidden="true"><div class="hbar" style="width:${(share * 100).toFixed(1)}%"></div></td><td class="num">${(share * 100).toFixed(0)}%</td></tr>`;
    })
    .join("\n");
  return `<table class="dist"><thead><tr><th>${escapeHtml(title)}</th><th class="num">${escapeHtml(t(lang, "batch.agencies"))}</th><th></th><th class="num">${escapeHtml(t(lang, "batch.share"))}</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function rollupHtml(rollup: Rollup, rubric: Rubric, lang: string): string {
  const x = batchTexts(rubric, lang);
  const e = escapeHtml;
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const parts: string[] = [];
  const charts: string[] = [];
  if (rollup.stages.length > 1) charts.push(`<section class="card"><h3>${e(t(lang, "batch.stageChart"))}</h3>${distribution(rollup.stages.map((s) => ({ label: x.dimTitle(s.id), count: s.count })), rollup.agencies, t(lang, "stage"), lang)}</section>`);
  if (rollup.classes.length > 0) charts.push(`<section class="card"><h3>${e(t(lang, "batch.byClass"))}</h3>${distribution(rollup.classes.map((s) => ({ label: x.classLabel(s.id), count: s.count })), rollup.agencies, t(lang, "class"), lang)}</section>`);
  if (charts.length > 0) parts.push(`<div class="grid">${charts.join("\n")}</div>`);
  const dimRow = (label: string, s: { mean: number | null; sd: number | null; min: number | null; max: number | null }) =>
    `<tr><td>${e(label)}</td><td class="num" style="background:${heatColour(s.mean)}">${fmt(s.mean)}</td><td class="num">${fmt(s.sd)}</td><td class="num">${fmt(s.min)}</td><td class="num">${fmt(s.max)}</td></tr>`;
  parts.push(
    `<section class="card"><h3>${e(t(lang, "batch.dimensions"))}</h3><table><thead><tr><th>${e(t(lang, "dimension"))}</th><th class="num">${e(t(lang, "batch.mean"))}</th><th class="num">${e(t(lang, "batch.sd"))}</th><th class="num">${e(t(lang, "batch.min"))}</th><th class="num">${e(t(lang, "batch.max"))}</th></tr></thead><tbody>\n${[dimRow(t(lang, "index"), rollup.index), ...rollup.dimensions.map((d) => dimRow(x.dimTitle(d.id), d))].join("\n")}\n</tbody></table></section>`,
  );
  if (rollup.commonGaps.length > 0) {
    const rows = rollup.commonGaps.map((g) => `<tr><td>${e(x.criterionTitle(g.criterion))} <span class="id">${e(g.criterion)}</span></td><td>${e(x.dimTitle(g.dimension))}</td><td class="num">${g.agencies}</td><td class="num">${(g.share * 100).toFixed(0)}%</td></tr>`).join("\n");
    parts.push(`<section class="card"><h3>${e(t(lang, "batch.commonGaps"))}</h3><table><thead><tr><th>${e(t(lang, "criterion"))}</th><th>${e(t(lang, "dimension"))}</th><th class="num">${e(t(lang, "batch.agencies"))}</th><th class="num">${e(t(lang, "batch.share"))}</th></tr></thead><tbody>\n${rows}\n</tbody></table></section>`);
  }
  return parts.join("\n");
}

/**
 * `--format html`: one self-contained page (no script, no network) — a heatmap of agencies ×
 * dimensions in rank order, the stage and class distribution, dimension statistics, common gaps,
 * and with --group-by a heatmap comparing the groups. Every file text escaped.
 */
export function renderBatchHtml(batch: Batch, ctx: RenderContext): string {
  const rubric = batch.rubric;
  const lang = ctx.lang;
  const e = escapeHtml;
  if (rubric === null || batch.summary === null) return htmlPage(t(lang, "batch.noAgency"), `<p>${e(t(lang, "batch.noAgency"))}</p>`, ctx, CSS);
  const x = batchTexts(rubric, lang);
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const dimHeads = rubric.dimensions.map((d) => `<th class="dim">${e(x.dimTitle(d.id))}</th>`).join("");
  const body: string[] = [];
  const title = `${x.text(rubric.title)} ${rubric.version}`;
  body.push(`<header class="card"><h1>${e(title)}</h1><p class="muted">${e(batchTitle(lang, batch))}</p>${batch.results.length < batch.agencies ? `<p class="muted small">${e(plural(lang, "batch.shown", batch.agencies, { shown: batch.results.length }))}</p>` : ""}</header>`);
  body.push(rollupHtml(batch.summary, rubric, lang));
  if (batch.groupBy !== null && batch.groups.length > 0) {
    const rows = batch.groups
      .map((g) => `<tr><td class="num">${g.rank}</td><td>${e(x.groupName(batch, g.value))}</td><td class="num">${g.rollup.agencies}</td><td class="cell" style="background:${heatColour(g.rollup.index.mean)}">${fmt(g.rollup.index.mean)}</td>${g.rollup.dimensions.map((d) => `<td class="cell" style="background:${heatColour(d.mean)}">${fmt(d.mean)}</td>`).join("")}</tr>`)
      .join("\n");
    body.push(`<section class="card"><h2>${e(t(lang, "batch.groupCompare"))} · ${e(t(lang, "batch.byGroup", { key: batch.groupBy }))}</h2><div class="scroll"><table class="heat"><thead><tr><th class="num">#</th><th>${e(t(lang, "batch.group"))}</th><th class="num">${e(t(lang, "batch.agencies"))}</th><th class="dim">${e(t(lang, "index"))}</th>${dimHeads}</tr></thead><tbody>\n${rows}\n</tbody></table></div></section>`);
  }
  const rows = batch.results
    .map((a) => {
      const blocked = a.blockedBy.length > 0 ? `<br><span class="small bad">${e(t(lang, "blockedBy"))} ${e(x.blocked(a, fmt))}</span>` : "";
      return `<tr><td class="num">${a.rank}</td><td>${e(x.agencyName(a))} <span class="id">${e(a.id)}</span></td><td>${e(x.dimTitle(a.stage))}${blocked}</td><td>${e(x.classLabel(a.classification))}</td><td class="cell" style="background:${heatColour(a.index)}">${fmt(a.index)}</td>${a.dimensions.map((s) => `<td class="cell" style="background:${heatColour(s)}">${fmt(s)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  body.push(`<section class="card"><h2>${e(t(lang, "batch.heatmap"))}</h2><div class="scroll"><table class="heat"><thead><tr><th class="num">#</th><th>${e(t(lang, "agency"))}</th><th>${e(t(lang, "stage"))}</th><th>${e(t(lang, "class"))}</th><th class="dim">${e(t(lang, "index"))}</th>${dimHeads}</tr></thead><tbody>\n${rows}\n</tbody></table></div></section>`);
  if (batch.groupBy !== null) {
    for (const g of batch.groups) body.push(`<h2>${e(t(lang, "batch.byGroup", { key: batch.groupBy }))}: ${e(x.groupName(batch, g.value))} (${g.rollup.agencies})</h2>`, rollupHtml(g.rollup, rubric, lang));
  }
  if (batch.errors.length > 0) body.push(`<p class="warn">${e(plural(lang, "batch.errors", batch.errors.length))}</p>`);
  body.push(`<footer>egov-maturity ${e(ctx.toolVersion)}</footer>`);
  return htmlPage(title, body.join("\n"), ctx, CSS);
}
