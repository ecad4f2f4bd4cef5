import type { Report } from "../../core/score.js";
import { formatAnswer, formatImpact, formatScore, type RenderContext } from "../../render/context.js";
import { markdownText, safeLinkUrl } from "../../render/escape.js";
import { isRtl } from "../../render/html-page.js";
import { plural, t } from "../../i18n/index.js";
import { dimensionScoreText, dimensionTitle, draftBanner, gapList, gapListHeading, narrativeOf, nextStageSentence, notAssessed, PAGE_ONE_GAPS, PAGE_ONE_STEPS, rubricText, summarise, unansweredByDimension } from "../summary.js";

/** A markdown table: every cell escaped, so a `|` or newline in a text never adds or breaks a column. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly ("l" | "r")[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => markdownText(c) || " ").join(" | ")} |`;
  const rule = `|${head.map((_, i) => (align[i] === "r" ? " ---: " : " --- ")).join("|")}|`;
  return [line(head), rule, ...rows.map((r) => line(head.map((_, i) => r[i] ?? "")))].join("\n");
}

/** A URL for a markdown link target: only http(s)/mailto; characters that end or break a link percent-encoded. */
export function markdownUrl(url: string): string | undefined {
  const safe = safeLinkUrl(url);
  return safe?.replace(/[\s()<>[\]|\\`*_{}!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Paragraphs of a narrative text, each escaped (blank lines separate paragraphs). */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap((p) => [markdownText(p.trim()), ""]);
}

/**
 * `--format markdown` of `report`, in the order of the printed report: draft notice, headline,
 * executive summary, the five largest gaps, next steps; then context, dimensions with findings, the
 * roadmap, the gap list (`ctx.top`, `ctx.allCriteria`), the unanswered criteria by title, and the
 * appendix of every answer folded in `<details>`. GitHub-flavoured; wrapped in `<div dir="rtl">`
 * for a right-to-left language. Pure.
 */
export function renderReportMarkdown(report: Report, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = report.rubricDef;
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  const md = markdownText;
  const arrow = isRtl(lang) ? "←" : "→";
  const summary = summarise(report, lang);
  const narrative = narrativeOf(report, lang);
  const out: string[] = [];

  const banner = draftBanner(report, lang);
  if (banner !== null) out.push(`> **${md(banner)}** — ${md(t(lang, "report.draftHint"))}`, "");
  out.push(`## ${md(summary.agency)} — ${md(t(lang, "reportOf"))}`, "");
  const meta = [
    `**${md(t(lang, "agency"))}:** \`${report.agency.id}\``,
    `**${md(t(lang, "rubric"))}:** ${md(summary.rubric)}`,
    report.date ? `**${md(t(lang, "date"))}:** ${md(report.date)}` : "",
    report.assessor ? `**${md(t(lang, "assessor"))}:** ${md(report.assessor)}` : "",
  ];
  out.push(meta.filter(Boolean).join(" · "), "");
  const head = [t(lang, "index")];
  const row = [summary.index];
  if (summary.classification !== null) {
    head.push(t(lang, "class"));
    row.push(summary.classification);
  }
  if (report.stages.length > 0) {
    head.push(t(lang, "stage"), t(lang, "next"));
    row.push(summary.stage, nextStageSentence(summary, lang));
  }
  out.push(markdownTable(head, [row]), "");
  if (narrative.summary !== "") out.push(`### ${md(t(lang, "report.summary"))}`, "", ...paragraphs(narrative.summary));

  out.push(`### ${md(t(lang, "largestGaps"))}`, "");
  const top = gapList(report, { top: PAGE_ONE_GAPS });
  if (top.length === 0) out.push(md(t(lang, "noGaps")), "");
  else out.push(...top.map((g, i) => `${i + 1}. **${md(tx(rubric.criteria.get(g.criterion)?.title) || g.criterion)}** — ${md(dimensionTitle(report, g.dimension, lang))} · ${md(t(lang, "score"))} ${md(fmt(g.score))} · ${md(t(lang, "impact"))} ${md(formatImpact(g.impact, report.rubric.display))}`), "");
  if (report.stages.length > 0) {
    out.push(`### ${md(t(lang, "report.nextSteps"))}`, "");
    if (report.roadmap.length === 0) out.push(md(t(lang, "noRoadmap")), "");
    else {
      out.push(...report.roadmap.slice(0, PAGE_ONE_STEPS).map((s, i) => `${i + 1}. **${md(tx(rubric.criteria.get(s.criterion)?.title) || s.criterion)}** — ${md(`${formatAnswer(rubric, s.criterion, s.from, lang)} ${arrow} ${formatAnswer(rubric, s.criterion, s.to, lang)}`)} · ${md(t(lang, "indexAfter"))} ${md(fmt(s.index))} · ${md(t(lang, "stageAfter"))}: ${md(dimensionTitle(report, s.stageAfter, lang))}`), "");
      if (report.roadmap.length > PAGE_ONE_STEPS) out.push(md(plural(lang, "report.moreSteps", report.roadmap.length - PAGE_ONE_STEPS)), "");
    }
  }
  if (narrative.context !== "") out.push(`### ${md(t(lang, "report.context"))}`, "", ...paragraphs(narrative.context));

  out.push(`### ${md(t(lang, "dimensions"))}`, "");
  out.push(
    markdownTable(
      [t(lang, "dimension"), t(lang, "kind"), t(lang, "status"), t(lang, "score"), t(lang, "target"), t(lang, "gap")],
      report.dimensions.map((d) => [tx(d.title) || d.id, t(lang, `kind.${d.kind}`), d.status ? t(lang, `status.${d.status}`) : "", dimensionScoreText(report, d, lang), fmt(d.target), notAssessed(d) ? "—" : fmt(d.gap)]),
      ["l", "l", "l", "r", "r", "r"],
    ),
    "",
  );
  const findings = report.dimensions.filter((d) => narrative.findings.has(d.id));
  if (findings.length > 0) out.push(`**${md(t(lang, "report.findings"))}**`, "", ...findings.map((d) => `- **${md(tx(d.title) || d.id)}** — ${md(narrative.findings.get(d.id) ?? "")}`), "");

  if (report.stages.length > 0) {
    out.push(`### ${md(t(lang, "roadmap"))}`, "");
    if (report.roadmap.length === 0) out.push(md(t(lang, "noRoadmap")), "");
    else {
      const rows = report.roadmap.map((s, i) => {
        const def = rubric.criteria.get(s.criterion);
        const why = s.reason === "gate" ? `${t(lang, "gateStep")} ${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}` : `${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}`;
        return [String(i + 1), `${tx(def?.title) || s.criterion} — ${why}`, `${formatAnswer(rubric, s.criterion, s.from, lang)} ${arrow} ${formatAnswer(rubric, s.criterion, s.to, lang)}`, fmt(s.index), dimensionTitle(report, s.stageAfter, lang), tx(def?.recommendation)];
      });
      out.push(markdownTable(["#", t(lang, "criterion"), t(lang, "fromTo"), t(lang, "indexAfter"), t(lang, "stageAfter"), t(lang, "recommendation")], rows, ["r", "l", "l", "r", "l", "l"]), "");
    }
  }

  const opts: { top?: number; allCriteria?: boolean } = {};
  if (ctx.top !== undefined) opts.top = ctx.top;
  if (ctx.allCriteria !== undefined) opts.allCriteria = ctx.allCriteria;
  const list = gapList(report, opts);
  out.push(`### ${md(gapListHeading(lang, opts))}`, "");
  if (list.length === 0) out.push(md(t(lang, "noGaps")), "");
  else {
    const rows = list.map((g, i) => {
      const def = rubric.criteria.get(g.criterion);
      return [String(i + 1), `${tx(def?.title) || g.criterion} — ${dimensionTitle(report, g.dimension, lang)}`, fmt(g.score), formatImpact(g.impact, report.rubric.display), tx(def?.recommendation)];
    });
    out.push(markdownTable(["#", t(lang, "criterion"), t(lang, "score"), t(lang, "impact"), t(lang, "recommendation")], rows, ["r", "l", "r", "r", "l"]), "");
  }
  if (report.gaps.length > list.length) out.push(md(t(lang, "report.gapsHidden", { n: report.gaps.length - list.length })), "");

  const unanswered = unansweredByDimension(report, lang);
  if (unanswered.length > 0) out.push(`### ${md(t(lang, "report.unansweredList"))}`, "", ...unanswered.flatMap((g) => g.criteria.map((c) => `- ${md(c)} — ${md(g.dimension)}`)), "");

  out.push("<details>", `<summary>${md(t(lang, "report.appendix"))}</summary>`, "");
  for (const d of report.dimensions) {
    out.push(`#### ${md(tx(d.title) || d.id)}`, "");
    const rows = d.criteria.map((c) => {
      const answer = c.status === "unanswered" ? t(lang, "unanswered") : formatAnswer(rubric, c.id, c.answer, lang);
      const evidence = c.evidence.map((e) => [e.note ?? e.url ?? "", e.note !== undefined && e.url !== undefined ? e.url : "", e.date ? `(${e.date})` : ""].filter(Boolean).join(" "));
      const words = [c.answer.kind === "na" ? c.answer.reason : "", c.notes ?? "", ...evidence].filter(Boolean).join(" · ");
      return [tx(c.title) || c.id, answer, fmt(c.score), words];
    });
    out.push(markdownTable([t(lang, "criterion"), t(lang, "report.answer"), t(lang, "score"), `${t(lang, "notes")} · ${t(lang, "evidence")}`], rows, ["l", "l", "r", "l"]), "");
  }
  out.push("</details>", "");
  out.push(`<sub>${md(t(lang, "generatedBy", { version: ctx.toolVersion, date: ctx.now.toISOString().slice(0, 10) }))}</sub>`);
  const body = out.join("\n");
  return isRtl(lang) ? `<div dir="rtl">\n\n${body}\n\n</div>\n` : `${body}\n`;
}
