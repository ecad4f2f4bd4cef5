import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Batch } from "../batch.js";
import type { Rollup } from "../rollup.js";
import type { Rubric } from "../../core/rubric.js";
import { batchTexts, batchTitle } from "./common.js";
import { bar } from "../../render/bars.js";
import { formatScore, terminalLine, type RenderContext } from "../../render/context.js";
import { plural, t } from "../../i18n/index.js";

function style(color: boolean) {
  return { head: color ? ["bold"] : [], border: color ? ["grey"] : [] };
}

/** The roll-up tables: stages, classes, dimensions, common gaps. */
function rollupTables(rollup: Rollup, rubric: Rubric, ctx: RenderContext, c: InstanceType<typeof Chalk>): string[] {
  const lang = ctx.lang;
  const x = batchTexts(rubric, lang);
  const tl = (s: string) => terminalLine(s);
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const pct = (n: number) => (rollup.agencies === 0 ? "—" : `${((n / rollup.agencies) * 100).toFixed(0)}%`);
  const out: string[] = [];
  const dist = (title: string, rows: { label: string; count: number }[]) => {
    const table = new Table({ head: [title, t(lang, "batch.agencies"), ""], style: style(ctx.color) });
    for (const r of rows) table.push([tl(r.label), String(r.count), `${c.cyan(bar(rollup.agencies === 0 ? 0 : r.count / rollup.agencies, 12))} ${pct(r.count)}`]);
    return table.toString();
  };
  if (rollup.stages.length > 1) out.push(dist(t(lang, "batch.byStage"), rollup.stages.map((s) => ({ label: x.dimTitle(s.id), count: s.count }))));
  if (rollup.classes.length > 0) out.push(dist(t(lang, "batch.byClass"), rollup.classes.map((s) => ({ label: x.classLabel(s.id), count: s.count }))));
  const dims = new Table({ head: [t(lang, "dimension"), t(lang, "batch.mean"), t(lang, "batch.sd"), t(lang, "batch.min"), t(lang, "batch.max"), ""], colWidths: [23, 9, 13, 9, 9, 10], wordWrap: true, style: style(ctx.color) });
  dims.push([t(lang, "index"), fmt(rollup.index.mean), fmt(rollup.index.sd), fmt(rollup.index.min), fmt(rollup.index.max), c.cyan(bar(rollup.index.mean, 8))]);
  for (const d of rollup.dimensions) dims.push([tl(x.dimTitle(d.id)), fmt(d.mean), fmt(d.sd), fmt(d.min), fmt(d.max), c.cyan(bar(d.mean, 8))]);
  out.push(c.bold(t(lang, "batch.dimensions")), dims.toString());
  if (rollup.commonGaps.length > 0) {
    const gaps = new Table({ head: [t(lang, "criterion"), t(lang, "dimension"), t(lang, "batch.agencies"), t(lang, "batch.share")], colWidths: [36, 22, 10, 7], wordWrap: true, style: style(ctx.color) });
    for (const g of rollup.commonGaps) gaps.push([`${tl(x.criterionTitle(g.criterion))}\n${c.dim(g.criterion)}`, tl(x.dimTitle(g.dimension)), String(g.agencies), pct(g.agencies)]);
    out.push(c.bold(t(lang, "batch.commonGaps")), gaps.toString());
  }
  return out;
}

/** `--format table`: the ranked agencies, then the roll-up, then (with --group-by) each group and the comparison of groups. */
export function renderBatchTable(batch: Batch, ctx: RenderContext): string {
  const rubric = batch.rubric;
  const lang = ctx.lang;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  if (rubric === null || batch.summary === null) return `${t(lang, "batch.noAgency")}\n`;
  const x = batchTexts(rubric, lang);
  const tl = (s: string) => terminalLine(s);
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const lines: string[] = [];
  lines.push(c.bold(`${tl(x.text(rubric.title))} ${rubric.version} · ${batchTitle(lang, batch)}`));
  if (batch.results.length < batch.agencies) lines.push(c.dim(plural(lang, "batch.shown", batch.agencies, { shown: batch.results.length })));
  lines.push("");
  // A rubric without stages (a composite index) has no stage or gate columns. Widths fit the terminal.
  const staged = rubric.dimensions.some((d) => d.kind === "stage");
  const widths = staged ? [4, 16, 8, 9, 14, 10, 11] : [4, 22, 8, 16, 24];
  let spare = Math.max(0, Math.min(ctx.width, 160) - widths.reduce((a, b) => a + b, 0) - widths.length - 1);
  if (staged) {
    const toStage = Math.min(spare, 6); // room for "Execution (implementation)" on two lines
    widths[4] = widths[4]! + toStage;
    spare -= toStage;
  }
  widths[1] = widths[1]! + spare;
  const ranked = new Table({
    head: ["#", t(lang, "agency"), t(lang, "index"), t(lang, "class"), ...(staged ? [t(lang, "stage")] : []), t(lang, "batch.weakest"), ...(staged ? [t(lang, "blockedBy")] : [])],
    colWidths: widths,
    wordWrap: true,
    style: style(ctx.color),
  });
  for (const a of batch.results) {
    const stage = staged ? [tl(x.dimTitle(a.stage))] : [];
    const blocked = staged ? [a.blockedBy.length > 0 ? c.red(tl(x.blocked(a, fmt))) : ""] : [];
    ranked.push([String(a.rank), `${tl(x.agencyName(a))}\n${c.dim(tl(a.id))}`, fmt(a.index), tl(x.classLabel(a.classification)), ...stage, tl(a.weakest === null ? "—" : x.dimTitle(a.weakest)), ...blocked]);
  }
  lines.push(ranked.toString(), "");
  lines.push(...rollupTables(batch.summary, rubric, ctx, c).flatMap((s) => [s, ""]));
  if (batch.groupBy !== null && batch.groups.length > 0) {
    // Groups as columns, dimensions as rows, as many groups to a table as fit the width.
    lines.push(c.bold(`${t(lang, "batch.groupCompare")} · ${t(lang, "batch.byGroup", { key: tl(batch.groupBy) })}`));
    const perTable = Math.max(1, Math.floor((Math.min(ctx.width, 160) - 25) / 13));
    for (let start = 0; start < batch.groups.length; start += perTable) {
      const slice = batch.groups.slice(start, start + perTable);
      const compare = new Table({ head: [t(lang, "batch.group"), ...slice.map((g) => `${g.rank}. ${tl(x.groupName(batch, g.value))}`)], colWidths: [24, ...slice.map(() => 12)], wordWrap: true, style: style(ctx.color) });
      compare.push([t(lang, "batch.agencies"), ...slice.map((g) => String(g.rollup.agencies))]);
      compare.push([t(lang, "index"), ...slice.map((g) => fmt(g.rollup.index.mean))]);
      rubric.dimensions.forEach((d, i) => compare.push([tl(x.dimTitle(d.id)), ...slice.map((g) => fmt(g.rollup.dimensions[i]?.mean ?? null))]));
      lines.push(compare.toString());
    }
    lines.push("");
    for (const g of batch.groups) {
      lines.push(c.bold(`${t(lang, "batch.byGroup", { key: tl(batch.groupBy) })}: ${tl(x.groupName(batch, g.value))} · ${t(lang, "batch.agencies")} ${g.rollup.agencies}`));
      lines.push(...rollupTables(g.rollup, rubric, ctx, c).flatMap((s) => [s, ""]));
    }
  }
  if (batch.errors.length > 0) lines.push(c.yellow(plural(lang, "batch.errors", batch.errors.length)));
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
