import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Comparison } from "../../core/compare.js";
import { answerText, arrowOf, criterionTitle, dimensionTitle, evidenceText, formatDelta, roadmapCounts, rubricVersions, sharedCount, sparkline, trendOf } from "./common.js";
import { formatScore, terminalLine, textOf, type RenderContext } from "../../render/context.js";
import { plural, t } from "../../i18n/index.js";

const LISTED = 10;

function tableStyle(color: boolean) {
  return { head: color ? ["bold"] : [], border: color ? ["grey"] : [] };
}

/** Column widths that fill `total` columns, the flexible one taking what is left. */
function fit(widths: number[], total: number, flexible: number): number[] {
  const used = widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  const out = [...widths];
  out[flexible] = Math.max(10, (out[flexible] ?? 10) + (total - used));
  return out;
}

/** `compare --format table`: headline changes, a row per dimension with a sparkline, criteria, evidence, roadmap progress. */
export function renderCompareTable(cmp: Comparison, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = cmp.rubric;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const fmt = (s: number | null | undefined) => formatScore(s, rubric.display);
  const dl = (d: number | null) => formatDelta(d, rubric.display, lang);
  const paint = (d: number | null, text: string) => ({ up: c.green(text), down: c.red(text), same: text, none: text })[trendOf(d, rubric.display)];
  const dim = (id: string | null) => terminalLine(dimensionTitle(cmp, id, lang));
  const crit = (id: string) => terminalLine(criterionTitle(cmp, id, lang));
  const width = Math.max(60, Math.min(ctx.width, 160));
  const trend = cmp.snapshots.length > 2;
  const first = cmp.snapshots[0]!;
  const last = cmp.snapshots[cmp.snapshots.length - 1]!;
  const lines: string[] = [];

  const name = cmp.agency.name === undefined ? terminalLine(cmp.agency.id) : `${terminalLine(textOf(rubric, cmp.agency.name, lang))} (${terminalLine(cmp.agency.id)})`;
  lines.push(c.bold(`${terminalLine(textOf(rubric, rubric.title, lang))} · ${name}`));
  lines.push(c.dim(`${t(lang, "cmp.assessments")}: ${cmp.snapshots.map((s) => terminalLine(s.date)).join(" · ")}`));
  const versions = rubricVersions(cmp);
  if (cmp.basis === "shared") lines.push(c.yellow(plural(lang, "cmp.basisShared", sharedCount(cmp), { versions: terminalLine(versions ?? "") })));
  else if (versions !== null) lines.push(c.dim(`${t(lang, "rubric")}: ${terminalLine(versions)}`));
  lines.push("");

  const spark = trend ? `  ${c.cyan(sparkline(cmp.snapshots.map((s) => s.report.index)))}` : "";
  lines.push(`${t(lang, "index")}: ${fmt(cmp.index.before)} → ${c.bold(fmt(cmp.index.after))}  ${paint(cmp.index.delta, `${arrowOf(cmp.index.delta, rubric.display)} ${dl(cmp.index.delta)}`)}${spark}`);
  const klass = (k: Comparison["classification"]["before"]) => (k === null ? t(lang, "none") : terminalLine(textOf(rubric, k.label, lang)));
  if (cmp.classification.before !== null || cmp.classification.after !== null) lines.push(`${t(lang, "class")}: ${klass(cmp.classification.before)} → ${c.bold(klass(cmp.classification.after))}`);
  if (rubric.dimensions.some((d) => d.kind === "stage")) {
    const dir = cmp.stage.direction;
    const word = t(lang, `cmp.stage.${dir}`);
    lines.push(`${t(lang, "stage")}: ${dim(cmp.stage.before)} → ${c.bold(dim(cmp.stage.after))}  ${dir === "up" ? c.green(`▲ ${word}`) : dir === "down" ? c.red(`▼ ${word}`) : word}`);
    const gate = (g: Comparison["stage"]["cleared"][number]) => `${t(lang, "cmp.gateOf", { stage: dim(g.stage), dimension: dim(g.dimension ?? g.criterion ?? null), min: fmt(g.min) })}: ${fmt(g.before)} → ${fmt(g.after)}`;
    for (const g of cmp.stage.cleared) lines.push(`  ${c.green(t(lang, "cmp.gateCleared"))}: ${gate(g)}`);
    for (const g of cmp.stage.newlyBlocking) lines.push(`  ${c.red(t(lang, "cmp.gateBlocking"))}: ${gate(g)}`);
    if (trend) lines.push(`${t(lang, "cmp.stageHistory")}: ${cmp.snapshots.map((s) => `${terminalLine(s.date)} ${dim(s.report.stage.current)}`).join(" · ")}`);
  }
  lines.push("");

  const head = [t(lang, "dimension"), t(lang, "cmp.before"), t(lang, "cmp.after"), t(lang, "cmp.change")];
  if (trend) head.push(t(lang, "cmp.trend"));
  const dims = new Table({ head, colWidths: fit(trend ? [24, 9, 9, 14, Math.max(10, cmp.snapshots.length + 2)] : [24, 9, 9, 14], width, 0), wordWrap: true, style: tableStyle(ctx.color) });
  for (const d of cmp.dimensions) {
    const row = [`${dim(d.id)}\n${c.dim(t(lang, `kind.${d.kind}`))}`, fmt(d.before), fmt(d.after), paint(d.delta, `${arrowOf(d.delta, rubric.display)} ${dl(d.delta)}`.trim())];
    if (trend) row.push(c.cyan(sparkline(d.series)));
    dims.push(row);
  }
  lines.push(dims.toString(), "");

  const changes = (title: string, empty: string, list: Comparison["improved"]) => {
    lines.push(c.bold(`${title} (${list.length})`));
    if (list.length === 0) {
      lines.push(empty, "");
      return;
    }
    const table = new Table({ head: [t(lang, "criterion"), t(lang, "fromToTerminal"), t(lang, "cmp.change")], colWidths: fit([24, 28, 14], width, 0), wordWrap: true, style: tableStyle(ctx.color) });
    for (const x of list.slice(0, LISTED)) {
      table.push([`${crit(x.id)}\n${c.dim(terminalLine(x.id))}`, `${terminalLine(answerText(cmp, "before", x.id, x.before, lang))} → ${terminalLine(answerText(cmp, "after", x.id, x.after, lang))}`, paint(x.delta, dl(x.delta))]);
    }
    lines.push(table.toString());
    if (list.length > LISTED) lines.push(c.dim(plural(lang, "cmp.moreCriteria", list.length - LISTED)));
    lines.push("");
  };
  changes(t(lang, "cmp.improved"), t(lang, "cmp.noImproved"), cmp.improved);
  changes(t(lang, "cmp.regressed"), t(lang, "cmp.noRegressed"), cmp.regressed);

  const ev = cmp.evidence;
  lines.push(c.bold(t(lang, "evidence")));
  lines.push(t(lang, "cmp.evidenceSummary", { added: ev.added.length, removed: ev.removed.length, stale: ev.stale.length, days: plural(lang, "cmp.days", ev.staleAfterDays), date: terminalLine(last.date) }));
  for (const e of ev.stale.slice(0, LISTED)) lines.push(c.yellow(`  ! ${terminalLine(e.criterion)}: ${terminalLine(evidenceText(e.evidence))}`));
  if (ev.stale.length > LISTED) lines.push(c.dim(`  ${plural(lang, "cmp.moreEvidence", ev.stale.length - LISTED)}`));
  lines.push("");

  if (rubric.dimensions.some((d) => d.kind === "stage")) {
    lines.push(c.bold(t(lang, "cmp.roadmapOf", { date: terminalLine(first.date) })));
    if (cmp.roadmap.length === 0) lines.push(t(lang, "cmp.noRoadmap"));
    else {
      const n = roadmapCounts(cmp);
      lines.push(plural(lang, "cmp.roadmapSummary", cmp.roadmap.length, { done: n.done, partial: n.partial }));
      const table = new Table({ head: ["#", t(lang, "criterion"), t(lang, "target"), t(lang, "cmp.now"), t(lang, "status")], colWidths: fit([4, 24, 16, 16, 12], width, 1), wordWrap: true, style: tableStyle(ctx.color) });
      cmp.roadmap.forEach((r, i) => {
        const status = t(lang, `cmp.progress.${r.status}`);
        table.push([
          String(i + 1),
          `${crit(r.step.criterion)}\n${c.dim(terminalLine(r.step.criterion))}`,
          terminalLine(answerText(cmp, "before", r.step.criterion, r.step.to, lang)),
          r.now === null ? "—" : terminalLine(answerText(cmp, "after", r.step.criterion, r.now, lang)),
          r.status === "done" ? c.green(status) : r.status === "partial" ? c.yellow(status) : status,
        ]);
      });
      lines.push(table.toString());
    }
    lines.push("");
  }

  if (cmp.newCriteria.length > 0) lines.push(`${t(lang, "cmp.newCriteria")}: ${cmp.newCriteria.map(terminalLine).join(", ")}`);
  if (cmp.droppedCriteria.length > 0) lines.push(`${t(lang, "cmp.droppedCriteria")}: ${cmp.droppedCriteria.map(terminalLine).join(", ")}`);
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
