import type { FileChild } from "docx";
import type { Report } from "../../core/score.js";
import { formatAnswer, formatImpact, formatScore, type RenderContext } from "../../render/context.js";
import { COLOURS, DocxWriter, packDocx } from "../../render/docx-kit.js";
import { plural, t } from "../../i18n/index.js";
import { dimensionScoreText, dimensionTitle, draftBanner, gapList, gapListHeading, narrativeOf, nextStageSentence, notAssessed, PAGE_ONE_GAPS, PAGE_ONE_STEPS, rubricText, summarise, unansweredByDimension } from "../summary.js";

/**
 * `--format docx` of `report`: an editable Word document with the sections of the printed report —
 * page 1 (draft notice, headline, key figures, executive summary, stage ladder, five largest gaps,
 * next steps), then context, dimensions with bars as shaded cells and findings, the roadmap, the gap
 * list (`ctx.top`, `ctx.allCriteria`), the unanswered criteria and the appendix of every answer.
 * Headings in Word's heading styles; right to left for Arabic. Deterministic for a fixed `ctx.now`.
 */
export async function renderReportDocx(report: Report, ctx: RenderContext): Promise<Uint8Array> {
  const lang = ctx.lang;
  const w = new DocxWriter(lang);
  const rubric = report.rubricDef;
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const tx = (x: Parameters<typeof rubricText>[1]) => rubricText(report, x, lang);
  const arrow = w.rtl ? "←" : "→";
  const fromTo = (s: Report["roadmap"][number]) => `${formatAnswer(rubric, s.criterion, s.from, lang)} ${arrow} ${formatAnswer(rubric, s.criterion, s.to, lang)}`;
  const summary = summarise(report, lang);
  const narrative = narrativeOf(report, lang);
  const out: FileChild[] = [];

  // Page 1.
  const banner = draftBanner(report, lang);
  if (banner !== null) out.push(w.para([w.run(banner, { bold: true }), w.run(` — ${t(lang, "report.draftHint")}`)], { shade: COLOURS.draft }));
  out.push(w.heading(summary.agency, "title"));
  out.push(w.para([t(lang, "reportOf")], { color: COLOURS.muted }));
  const meta = [`${t(lang, "agency")}: ${report.agency.id}`, `${t(lang, "rubric")}: ${summary.rubric}`, report.date ? `${t(lang, "date")}: ${report.date}` : "", report.assessor ? `${t(lang, "assessor")}: ${report.assessor}` : ""].filter(Boolean);
  // Each piece its own run, so a Latin id or name is isolated inside an Arabic line.
  out.push(w.para(meta.flatMap((m, i) => (i === 0 ? [w.run(m)] : [w.run(" · "), w.run(m)])), { color: COLOURS.muted }));
  const figures: [string, string][] = [[t(lang, "index"), summary.index]];
  if (summary.classification !== null) figures.push([t(lang, "class"), summary.classification]);
  if (report.stages.length > 0) figures.push([t(lang, "stage"), summary.stage], [t(lang, "next"), nextStageSentence(summary, lang)]);
  out.push(w.table(figures.map((f) => f[0]), [figures.map((f) => f[1])]));
  if (narrative.summary !== "") out.push(w.heading(t(lang, "report.summary"), 1), ...w.paragraphs(narrative.summary));
  if (report.stages.length > 0) {
    out.push(w.heading(t(lang, "stageLadder"), 1));
    const rungs = [...report.stages].reverse().map((st) => {
      const d = report.dimensions.find((x) => x.id === st.id);
      const mark = st.id === report.stage.current ? ` (${t(lang, "currentStage")})` : st.id === report.stage.next ? ` (${t(lang, "nextStage")})` : "";
      const shade = st.status === "attained" ? "EFFAF2" : st.id === report.stage.next ? "FFF7ED" : undefined;
      const opts = shade ? { shade } : {};
      return [w.cell(`${dimensionTitle(report, st.id, lang)}${mark}`, { ...opts, bold: mark !== "" }), w.cell(`${fmt(d?.score)} / ${fmt(d?.threshold ?? null)}`, opts), w.cell(t(lang, `status.${st.status}`), opts)];
    });
    out.push(w.table([t(lang, "stage"), `${t(lang, "score")} / ${t(lang, "threshold")}`, t(lang, "status")], rungs, [50, 25, 25]));
  }
  out.push(w.heading(t(lang, "largestGaps"), 1));
  const top = gapList(report, { top: PAGE_ONE_GAPS });
  if (top.length === 0) out.push(w.para([t(lang, "noGaps")]));
  else out.push(w.table(["#", t(lang, "criterion"), t(lang, "dimension"), t(lang, "score"), t(lang, "impact")], top.map((g, i) => [String(i + 1), tx(rubric.criteria.get(g.criterion)?.title) || g.criterion, dimensionTitle(report, g.dimension, lang), fmt(g.score), formatImpact(g.impact, report.rubric.display)]), [6, 44, 26, 12, 12]));
  if (report.stages.length > 0) {
    out.push(w.heading(t(lang, "report.nextSteps"), 1));
    if (report.roadmap.length === 0) out.push(w.para([t(lang, "noRoadmap")]));
    else {
      out.push(w.table(["#", t(lang, "criterion"), t(lang, "fromTo"), t(lang, "indexAfter"), t(lang, "stageAfter")], report.roadmap.slice(0, PAGE_ONE_STEPS).map((s, i) => [String(i + 1), tx(rubric.criteria.get(s.criterion)?.title) || s.criterion, fromTo(s), fmt(s.index), dimensionTitle(report, s.stageAfter, lang)]), [6, 40, 24, 12, 18]));
      if (report.roadmap.length > PAGE_ONE_STEPS) out.push(w.para([plural(lang, "report.moreSteps", report.roadmap.length - PAGE_ONE_STEPS)], { color: COLOURS.muted }));
    }
  }
  out.push(w.pageBreak());

  if (narrative.context !== "") out.push(w.heading(t(lang, "report.context"), 1), ...w.paragraphs(narrative.context));

  out.push(w.heading(t(lang, "dimensions"), 1));
  const dimRows = report.dimensions.flatMap((d) => {
    const status = d.status ? ` · ${t(lang, `status.${d.status}`)}` : "";
    const title = w.cell([w.para([w.run(tx(d.title) || d.id, { bold: true })]), w.para([`${t(lang, `kind.${d.kind}`)}${status}`], { color: COLOURS.muted, size: 17 })]);
    const row = notAssessed(d)
      ? [title, w.cell(dimensionScoreText(report, d, lang), { span: 3, color: COLOURS.target }), w.cell("")]
      : [title, w.cell(fmt(d.score)), w.cell(fmt(d.target)), w.cell(fmt(d.gap), { color: (d.gap ?? 0) > 0 ? COLOURS.target : COLOURS.ok }), w.cell([w.bar(d.score, d.target)])];
    const finding = narrative.findings.get(d.id);
    return finding === undefined ? [row] : [row, [w.cell([w.para([w.run(`${t(lang, "report.findings")}: `, { bold: true }), w.run(finding)])], { span: 5 })]];
  });
  out.push(w.table([t(lang, "dimension"), t(lang, "score"), t(lang, "target"), t(lang, "gap"), ""], dimRows, [34, 12, 12, 12, 30]));

  if (report.stages.length > 0) {
    out.push(w.heading(t(lang, "roadmap"), 1));
    if (report.roadmap.length === 0) out.push(w.para([t(lang, "noRoadmap")]));
    else {
      const rows = report.roadmap.map((s, i) => {
        const def = rubric.criteria.get(s.criterion);
        const why = `${s.reason === "gate" ? `${t(lang, "gateStep")} ` : ""}${t(lang, "forStage")} ${dimensionTitle(report, s.stage, lang)}`;
        const rec = tx(def?.recommendation);
        return [String(i + 1), w.cell([w.para([w.run(tx(def?.title) || s.criterion, { bold: true }), w.run(` · ${why}`, { color: COLOURS.muted })]), ...(rec ? [w.para([rec], { size: 18 })] : [])]), fromTo(s), fmt(s.index), dimensionTitle(report, s.stageAfter, lang)];
      });
      out.push(w.table(["#", t(lang, "criterion"), t(lang, "fromTo"), t(lang, "indexAfter"), t(lang, "stageAfter")], rows, [6, 48, 20, 12, 14]));
    }
  }

  const opts: { top?: number; allCriteria?: boolean } = {};
  if (ctx.top !== undefined) opts.top = ctx.top;
  if (ctx.allCriteria !== undefined) opts.allCriteria = ctx.allCriteria;
  const list = gapList(report, opts);
  out.push(w.heading(gapListHeading(lang, opts), 1));
  if (list.length === 0) out.push(w.para([t(lang, "noGaps")]));
  else {
    const rows = list.map((g, i) => {
      const def = rubric.criteria.get(g.criterion);
      const rec = tx(def?.recommendation);
      return [String(i + 1), w.cell([w.para([w.run(tx(def?.title) || g.criterion, { bold: true }), w.run(` · ${dimensionTitle(report, g.dimension, lang)}`, { color: COLOURS.muted })]), ...(rec ? [w.para([rec], { size: 18 })] : [])]), fmt(g.score), formatImpact(g.impact, report.rubric.display)];
    });
    out.push(w.table(["#", t(lang, "criterion"), t(lang, "score"), t(lang, "impact")], rows, [6, 70, 12, 12]));
  }
  if (report.gaps.length > list.length) out.push(w.para([t(lang, "report.gapsHidden", { n: report.gaps.length - list.length })], { color: COLOURS.muted }));

  const unanswered = unansweredByDimension(report, lang);
  if (unanswered.length > 0) {
    out.push(w.heading(t(lang, "report.unansweredList"), 1));
    out.push(w.table([t(lang, "criterion"), t(lang, "dimension")], unanswered.flatMap((g) => g.criteria.map((c) => [c, g.dimension])), [60, 40]));
  }

  out.push(w.heading(t(lang, "report.appendix"), 1));
  for (const d of report.dimensions) {
    out.push(w.heading(tx(d.title) || d.id, 2));
    const rows = d.criteria.map((c) => {
      const answer = c.status === "unanswered" ? t(lang, "unanswered") : formatAnswer(rubric, c.id, c.answer, lang);
      const words = [
        ...(c.answer.kind === "na" ? [w.para([c.answer.reason], { size: 18 })] : []),
        ...(c.notes !== undefined && c.notes.trim() !== "" ? [w.para([c.notes], { size: 18 })] : []),
        ...c.evidence.map((e) => w.para([[e.note, e.url, e.date ? `(${e.date})` : undefined].filter((x): x is string => x !== undefined && x !== "").join(" · ")], { size: 18, color: COLOURS.muted })),
      ];
      return [tx(c.title) || c.id, answer, fmt(c.score), w.cell(words.length > 0 ? words : [w.para([""])])];
    });
    out.push(w.table([t(lang, "criterion"), t(lang, "report.answer"), t(lang, "score"), `${t(lang, "notes")} · ${t(lang, "evidence")}`], rows, [32, 18, 10, 40]));
  }
  out.push(w.para([t(lang, "generatedBy", { version: ctx.toolVersion, date: ctx.now.toISOString().slice(0, 10) })], { color: COLOURS.muted, size: 16 }));
  return packDocx(out, { title: `${summary.agency} — ${t(lang, "reportOf")}`, description: summary.rubric, lang }, ctx);
}
