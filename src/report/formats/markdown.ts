import type { Report } from "../../core/score.js";
import { formatAnswer, formatImpact, formatScore, type RenderContext } from "../../render/context.js";
import { markdownText, safeLinkUrl } from "../../render/escape.js";
import { isRtl } from "../../render/html-page.js";
import { plural, t } from "../../i18n/index.js";
import { dimensionTitle, nextStageSentence, rubricText, summarise } from "../summary.js";

/** How many gaps the markdown report lists (a PR comment stays short); the rest are counted. */
const GAPS_SHOWN = 10;

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

/**
 * `--format markdown` of `report`: headline, the dimension table (score, target, gap), the largest gaps
 * with recommendations and evidence, the roadmap. GitHub-flavoured; wrapped in `<div dir="rtl">` for
 * a right-to-left language so GitHub lays it out right to left. Pure.
 */
export function renderReportMarkdown(report: Report, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = report.rubricDef;
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  const md = markdownText;
  const summary = summarise(report, lang);
  const criterionById = new Map(report.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c] as const)));
  const out: string[] = [];

  out.push(`## ${md(summary.agency)} — ${md(t(lang, "reportOf"))}`, "");
  const meta = [`**${md(t(lang, "rubric"))}:** ${md(summary.rubric)}`, report.date ? `**${md(t(lang, "date"))}:** ${md(report.date)}` : "", report.assessor ? `**${md(t(lang, "assessor"))}:** ${md(report.assessor)}` : ""];
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

  out.push(`### ${md(t(lang, "dimensions"))}`, "");
  out.push(
    markdownTable(
      [t(lang, "dimension"), t(lang, "kind"), t(lang, "status"), t(lang, "score"), t(lang, "target"), t(lang, "gap")],
      report.dimensions.map((d) => [tx(d.title) || d.id, t(lang, `kind.${d.kind}`), d.status ? t(lang, `status.${d.status}`) : "", fmt(d.score), fmt(d.target), fmt(d.gap)]),
      ["l", "l", "l", "r", "r", "r"],
    ),
    "",
  );

  out.push(`### ${md(t(lang, "largestGaps"))}`, "");
  if (report.gaps.length === 0) out.push(md(t(lang, "noGaps")), "");
  else {
    const rows = report.gaps.slice(0, GAPS_SHOWN).map((g, i) => {
      const def = rubric.criteria.get(g.criterion);
      return [String(i + 1), `${tx(def?.title) || g.criterion} (${g.criterion})`, fmt(g.score), formatImpact(g.impact, report.rubric.display), tx(def?.recommendation)];
    });
    out.push(markdownTable(["#", t(lang, "criterion"), t(lang, "score"), t(lang, "impact"), t(lang, "recommendation")], rows, ["r", "l", "r", "r", "l"]), "");
    if (report.gaps.length > GAPS_SHOWN) out.push(md(plural(lang, "moreGaps", report.gaps.length - GAPS_SHOWN)), "");
    const evidence = report.gaps.slice(0, GAPS_SHOWN).flatMap((g) => {
      const c = criterionById.get(g.criterion);
      if (c === undefined || (c.evidence.length === 0 && c.notes === undefined)) return [];
      const items = c.evidence.map((e) => {
        const url = e.url === undefined ? undefined : markdownUrl(e.url);
        const label = md(e.note ?? e.url ?? "");
        const link = url !== undefined ? `[${label}](${url})` : e.url !== undefined && e.note !== undefined ? `${label} (${md(e.url)})` : label;
        return `  - ${link}${e.date ? ` (${md(e.date)})` : ""}`;
      });
      const notes = c.notes !== undefined ? [`  - ${md(t(lang, "notes"))}: ${md(c.notes)}`] : [];
      return [`- **${md(tx(rubric.criteria.get(g.criterion)?.title) || g.criterion)}** — ${md(formatAnswer(rubric, g.criterion, c.answer, lang))}`, ...items, ...notes];
    });
    if (evidence.length > 0) out.push(`**${md(t(lang, "evidence"))}**`, "", ...evidence, "");
  }

  if (report.stages.length > 0) {
    out.push(`### ${md(t(lang, "roadmap"))}`, "");
    if (report.roadmap.length === 0) out.push(md(t(lang, "noRoadmap")), "");
    else {
      const rows = report.roadmap.map((s, i) => {
        const def = rubric.criteria.get(s.criterion);
        const why = s.reason === "gate" ? `${t(lang, "gateStep")} ${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}` : `${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}`;
        return [
          String(i + 1),
          `${tx(def?.title) || s.criterion} (${s.criterion}) — ${why}`,
          `${formatAnswer(rubric, s.criterion, s.from, lang)} ${isRtl(lang) ? "←" : "→"} ${formatAnswer(rubric, s.criterion, s.to, lang)}`,
          fmt(s.index),
          dimensionTitle(report, s.stageAfter, lang),
          tx(def?.recommendation),
        ];
      });
      out.push(markdownTable(["#", t(lang, "criterion"), t(lang, "fromTo"), t(lang, "indexAfter"), t(lang, "stageAfter"), t(lang, "recommendation")], rows, ["r", "l", "l", "r", "l", "l"]), "");
    }
  }

  if (report.unanswered.length > 0) {
    out.push(`> ${md(plural(lang, "unansweredNote", report.unanswered.length))}: ${report.unanswered.map((id) => `\`${id.replace(/`/g, "")}\``).join(", ")}`, "");
  }
  out.push(`<sub>${md(t(lang, "generatedBy", { version: ctx.toolVersion, date: ctx.now.toISOString().slice(0, 10) }))}</sub>`);
  const body = out.join("\n");
  return isRtl(lang) ? `<div dir="rtl">\n\n${body}\n\n</div>\n` : `${body}\n`;
}
