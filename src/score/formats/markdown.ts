import type { Batch } from "../batch.js";
import type { Rollup } from "../rollup.js";
import type { Rubric } from "../../core/rubric.js";
import { batchTexts, batchTitle } from "./common.js";
import { formatScore, type RenderContext } from "../../render/context.js";
import { markdownText } from "../../render/escape.js";
import { plural, t } from "../../i18n/index.js";

function table(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const align = head.map((_, i) => (numeric[i] ? "---:" : "---"));
  return [head, align, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function rollupMarkdown(rollup: Rollup, rubric: Rubric, lang: string, level: string): string[] {
  const x = batchTexts(rubric, lang);
  const md = (s: string) => markdownText(s);
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const pct = (n: number) => (rollup.agencies === 0 ? "—" : `${((n / rollup.agencies) * 100).toFixed(0)}%`);
  const out: string[] = [];
  if (rollup.stages.length > 1) out.push(`${level} ${t(lang, "batch.byStage")}`, "", table([t(lang, "stage"), t(lang, "batch.agencies"), t(lang, "batch.share")], rollup.stages.map((s) => [md(x.dimTitle(s.id)), String(s.count), pct(s.count)]), [false, true, true]), "");
  if (rollup.classes.length > 0) out.push(`${level} ${t(lang, "batch.byClass")}`, "", table([t(lang, "class"), t(lang, "batch.agencies"), t(lang, "batch.share")], rollup.classes.map((s) => [md(x.classLabel(s.id)), String(s.count), pct(s.count)]), [false, true, true]), "");
  const dimRows = [[t(lang, "index"), fmt(rollup.index.mean), fmt(rollup.index.sd), fmt(rollup.index.min), fmt(rollup.index.max)], ...rollup.dimensions.map((d) => [md(x.dimTitle(d.id)), fmt(d.mean), fmt(d.sd), fmt(d.min), fmt(d.max)])];
  out.push(`${level} ${t(lang, "batch.dimensions")}`, "", table([t(lang, "dimension"), t(lang, "batch.mean"), t(lang, "batch.sd"), t(lang, "batch.min"), t(lang, "batch.max")], dimRows, [false, true, true, true, true]), "");
  if (rollup.commonGaps.length > 0) {
    out.push(`${level} ${t(lang, "batch.commonGaps")}`, "", table([t(lang, "criterion"), t(lang, "dimension"), t(lang, "batch.agencies"), t(lang, "batch.share")], rollup.commonGaps.map((g) => [`${md(x.criterionTitle(g.criterion))} \`${g.criterion}\``, md(x.dimTitle(g.dimension)), String(g.agencies), pct(g.agencies)]), [false, false, true, true]), "");
  }
  return out;
}

/** `--format markdown`: the batch for a GitHub step summary or a PR comment. Every file text escaped. */
export function renderBatchMarkdown(batch: Batch, ctx: RenderContext): string {
  const rubric = batch.rubric;
  const lang = ctx.lang;
  if (rubric === null || batch.summary === null) return `${t(lang, "batch.noAgency")}\n`;
  const x = batchTexts(rubric, lang);
  const md = (s: string) => markdownText(s);
  const fmt = (s: number | null) => formatScore(s, rubric.display);
  const out: string[] = [`## ${md(x.text(rubric.title))} ${md(rubric.version)}`, "", batchTitle(lang, batch), ""];
  if (batch.results.length < batch.agencies) out.push(`_${plural(lang, "batch.shown", batch.agencies, { shown: batch.results.length })}_`, "");
  out.push(
    table(
      [t(lang, "batch.rank"), t(lang, "agency"), t(lang, "index"), t(lang, "class"), t(lang, "stage"), t(lang, "batch.weakest"), t(lang, "blockedBy")],
      batch.results.map((a) => [String(a.rank), `${md(x.agencyName(a))} \`${a.id}\``, fmt(a.index), md(x.classLabel(a.classification)), md(x.dimTitle(a.stage)), a.weakest === null ? "—" : md(x.dimTitle(a.weakest)), md(x.blocked(a, fmt))]),
      [true, false, true],
    ),
    "",
  );
  out.push(...rollupMarkdown(batch.summary, rubric, lang, "###"));
  if (batch.groupBy !== null && batch.groups.length > 0) {
    out.push(`### ${t(lang, "batch.groupCompare")} · ${md(t(lang, "batch.byGroup", { key: batch.groupBy }))}`, "");
    out.push(
      table(
        [t(lang, "batch.rank"), t(lang, "batch.group"), t(lang, "batch.agencies"), t(lang, "index"), ...rubric.dimensions.map((d) => md(x.dimTitle(d.id)))],
        batch.groups.map((g) => [String(g.rank), md(x.groupName(batch, g.value)), String(g.rollup.agencies), fmt(g.rollup.index.mean), ...g.rollup.dimensions.map((d) => fmt(d.mean))]),
        [true, false, true, true, ...rubric.dimensions.map(() => true)],
      ),
      "",
    );
    for (const g of batch.groups) {
      out.push(`### ${md(t(lang, "batch.byGroup", { key: batch.groupBy }))}: ${md(x.groupName(batch, g.value))} (${g.rollup.agencies})`, "");
      out.push(...rollupMarkdown(g.rollup, rubric, lang, "####"));
    }
  }
  if (batch.errors.length > 0) out.push(`> ${plural(lang, "batch.errors", batch.errors.length)}`, "");
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
