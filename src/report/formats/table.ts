import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Report } from "../../core/score.js";
import { bar } from "../../render/bars.js";
import { formatAnswer, formatImpact, formatScore, terminalLine, terminalSafe, textOf, type RenderContext } from "../../render/context.js";
import { plural, t } from "../../i18n/index.js";
import { dimensionScoreText, draftBanner, gapList, gapListHeading, gateRequirementPhrase, gateStatePhrase, narrativeOf, notAssessed, PAGE_ONE_GAPS, PAGE_ONE_STEPS, punctuation, requirementText, unansweredByDimension } from "../summary.js";
import { phraseText } from "../../render/gates.js";
import { reflowProse, wrapText } from "../../render/wrap.js";

/** Column widths that add up to the terminal's width (cli-table3 counts borders as one cell each). */
function fit(widths: number[], total: number, flexible: number): number[] {
  const borders = widths.length + 1;
  const used = widths.reduce((a, b) => a + b, 0) + borders;
  const out = [...widths];
  out[flexible] = Math.max(8, (out[flexible] ?? 8) + (total - used));
  return out;
}

function tableStyle(color: boolean) {
  return { head: color ? ["bold"] : [], border: color ? ["grey"] : [] };
}

/** The gap report for a terminal: headline, dimensions with bars, the largest gaps, the roadmap. Fits `ctx.width` columns. */
export function renderReportTable(report: Report, ctx: RenderContext): string {
  const rubric = report.rubricDef;
  const lang = ctx.lang;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const tx = (x: Parameters<typeof textOf>[1]) => terminalLine(textOf(rubric, x, lang));
  const dimTitle = (id: string | null) => (id === null ? t(lang, "none") : tx(rubric.dimensions.find((d) => d.id === id)?.title));
  const fmt = (s: number | null | undefined) => formatScore(s, rubric.display);
  const width = Math.max(60, Math.min(ctx.width, 160));
  const lines: string[] = [];

  const banner = draftBanner(report, lang);
  if (banner !== null) lines.push(c.yellow.bold(banner), c.yellow(t(lang, "report.draftHint")), "");
  const narrative = narrativeOf(report, lang);
  const agencyName = report.agency.name === undefined ? report.agency.id : `${tx(report.agency.name)} (${terminalLine(report.agency.id)})`;
  lines.push(c.bold(`${tx(rubric.title)} ${rubric.version} · ${agencyName}`));
  const meta = [report.date ? `${t(lang, "date")} ${terminalLine(report.date)}` : "", report.assessor ? `${t(lang, "assessor")} ${terminalLine(report.assessor)}` : ""].filter(Boolean);
  if (meta.length > 0) lines.push(c.dim(meta.join(" · ")));
  lines.push("");
  const klass = report.classification ? `   ${t(lang, "class")}: ${c.bold(tx(report.classification.label))}` : "";
  lines.push(`${t(lang, "index")}: ${c.bold(fmt(report.index))} ${c.cyan(bar(report.index, 20))}${klass}`);
  if (report.stages.length > 0) {
    let next = "";
    if (report.stage.next === null) next = ` · ${t(lang, "allStagesAttained")}`;
    else {
      const blocked = report.stage.blockedBy.map((g) => terminalLine(phraseText(gateStatePhrase(report, g, lang))));
      const pending = report.stage.pendingGates.map((g) => terminalLine(requirementText(gateRequirementPhrase(report, g, lang), lang)));
      const nextDim = report.dimensions.find((d) => d.id === report.stage.next);
      const needs = report.stage.shortfall > 0 && nextDim ? `${t(lang, "belowThreshold")} ${fmt(nextDim.threshold)} (${t(lang, "now")} ${fmt(nextDim.score)})` : "";
      const p = punctuation(lang);
      const why = [blocked.length > 0 ? c.red(`${t(lang, "blockedBy")} ${blocked.join(p.comma)}`) : "", needs, pending.length > 0 ? `${t(lang, "stillRequires")} ${pending.join(p.comma)}` : ""].filter(Boolean).join(p.semicolon);
      next = `\n${t(lang, "next")}: ${dimTitle(report.stage.next)}${why ? ` — ${why}` : ""}`;
    }
    lines.push(`${t(lang, "stage")}: ${c.bold(dimTitle(report.stage.current))}${next}`);
  }
  lines.push("");

  if (narrative.summary !== "") lines.push(c.bold(t(lang, "report.summary")), ...reflowProse(terminalSafe(narrative.summary), width), "");

  // Page 1 of the printed report: the largest gaps and the next steps.
  lines.push(c.bold(t(lang, "largestGaps")));
  const top = gapList(report, { top: PAGE_ONE_GAPS });
  if (top.length === 0) lines.push(t(lang, "noGaps"));
  top.forEach((g, i) => lines.push(`${i + 1}. ${c.bold(tx(rubric.criteria.get(g.criterion)?.title))} · ${dimTitle(g.dimension)} · ${fmt(g.score)} · ${t(lang, "impact")} ${formatImpact(g.impact, rubric.display)}`));
  lines.push("");
  if (report.stages.length > 0) {
    lines.push(c.bold(t(lang, "report.nextSteps")));
    if (report.roadmap.length === 0) lines.push(t(lang, "noRoadmap"));
    report.roadmap.slice(0, PAGE_ONE_STEPS).forEach((s, i) => lines.push(`${i + 1}. ${c.bold(tx(rubric.criteria.get(s.criterion)?.title))} · ${formatAnswer(rubric, s.criterion, s.from, lang)} → ${formatAnswer(rubric, s.criterion, s.to, lang)} · ${t(lang, "indexAfter")} ${fmt(s.index)}`));
    if (report.roadmap.length > PAGE_ONE_STEPS) lines.push(c.dim(plural(lang, "report.moreSteps", report.roadmap.length - PAGE_ONE_STEPS)));
    lines.push("");
  }
  if (narrative.context !== "") lines.push(c.bold(t(lang, "report.context")), ...reflowProse(terminalSafe(narrative.context), width), "");

  const dims = new Table({
    head: [t(lang, "dimension"), t(lang, "score"), t(lang, "target"), t(lang, "gap"), ""],
    colWidths: fit([24, 9, 10, 9, 16], width, 0),
    wordWrap: true,
    style: tableStyle(ctx.color),
  });
  for (const d of report.dimensions) {
    const status = d.status ? ` · ${t(lang, `status.${d.status}`)}` : "";
    const finding = narrative.findings.get(d.id);
    const label = `${tx(d.title)}\n${c.dim(`${t(lang, `kind.${d.kind}`)}${status}`)}${finding === undefined ? "" : `\n${c.italic(terminalLine(finding))}`}`;
    if (notAssessed(d)) {
      dims.push([label, { colSpan: 3, content: c.yellow(dimensionScoreText(report, d, lang)) }, ""]);
      continue;
    }
    const gap = d.gap === null ? "—" : d.gap > 0 ? c.yellow(fmt(d.gap)) : c.green(fmt(0));
    dims.push([label, fmt(d.score), fmt(d.target), gap, c.cyan(bar(d.score, 14))]);
  }
  lines.push(dims.toString(), "");

  if (report.stages.length > 0) {
    lines.push(c.bold(t(lang, "roadmap")));
    if (report.roadmap.length === 0) lines.push(t(lang, "noRoadmap"));
    else {
      const steps = new Table({
        head: ["#", t(lang, "criterion"), t(lang, "fromToTerminal"), t(lang, "indexAfter"), t(lang, "stageAfter")],
        colWidths: fit([4, 24, 20, 10, 14], width, 1),
        wordWrap: true,
        style: tableStyle(ctx.color),
      });
      report.roadmap.forEach((s, i) => {
        const criterion = rubric.criteria.get(s.criterion);
        const why = s.reason === "gate" ? `${t(lang, "gateStep")} ${t(lang, "forStage")} ${dimTitle(s.stage)}` : `${t(lang, "forStage")} ${dimTitle(s.stage)}`;
        steps.push([
          String(i + 1),
          `${tx(criterion?.title)}\n${c.dim(`${s.criterion} · ${why}`)}`,
          `${formatAnswer(rubric, s.criterion, s.from, lang)} → ${formatAnswer(rubric, s.criterion, s.to, lang)}`,
          fmt(s.index),
          dimTitle(s.stageAfter),
        ]);
      });
      lines.push(steps.toString());
    }
    lines.push("");
  }

  const opts: { top?: number; allCriteria?: boolean } = {};
  if (ctx.top !== undefined) opts.top = ctx.top;
  if (ctx.allCriteria !== undefined) opts.allCriteria = ctx.allCriteria;
  const list = gapList(report, opts);
  lines.push(c.bold(gapListHeading(lang, opts)));
  if (list.length === 0) lines.push(t(lang, "noGaps"));
  else {
    const gaps = new Table({
      head: ["#", t(lang, "criterion"), t(lang, "score"), t(lang, "impact"), t(lang, "recommendation")],
      colWidths: fit([4, 24, 9, 9, 20], width, 4),
      wordWrap: true,
      style: tableStyle(ctx.color),
    });
    list.forEach((g, i) => {
      const criterion = rubric.criteria.get(g.criterion);
      gaps.push([String(i + 1), `${tx(criterion?.title)}\n${c.dim(dimTitle(g.dimension))}`, fmt(g.score), formatImpact(g.impact, rubric.display), tx(criterion?.recommendation)]);
    });
    lines.push(gaps.toString());
  }
  if (report.gaps.length > list.length) lines.push(c.dim(t(lang, "report.gapsHidden", { n: report.gaps.length - list.length })));
  lines.push("");

  const unanswered = unansweredByDimension(report, lang);
  if (unanswered.length > 0) {
    lines.push(c.bold(t(lang, "report.unansweredList")));
    for (const g of unanswered) for (const title of g.criteria) lines.push(`- ${terminalLine(title)} ${c.dim(`· ${terminalLine(g.dimension)}`)}`);
    lines.push("");
  }

  // The appendix: every answer, one line each (evidence and notes in the other formats).
  lines.push(c.bold(t(lang, "report.appendix")));
  for (const d of report.dimensions) {
    lines.push(c.underline(tx(d.title)));
    for (const cr of d.criteria) {
      const answer = cr.status === "unanswered" ? c.yellow(t(lang, "unanswered")) : formatAnswer(rubric, cr.id, cr.answer, lang);
      const extra = cr.notes !== undefined ? c.dim(` — ${terminalLine(cr.notes)}`) : "";
      lines.push(`  ${tx(cr.title)}: ${answer} (${fmt(cr.score)})${extra}`);
    }
  }
  // Tables fit the width already; the headline and notes are wrapped to it.
  return `${wrapText(lines.join("\n").replace(/\n+$/, ""), width)}\n`;
}
