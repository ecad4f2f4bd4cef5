import type { FileChild } from "docx";
import type { Comparison } from "../../core/compare.js";
import { formatScore, textOf, type RenderContext } from "../../render/context.js";
import { COLOURS, DocxWriter, packDocx } from "../../render/docx-kit.js";
import { plural, t } from "../../i18n/index.js";
import { answerText, criterionTitle, dimensionTitle, formatDelta, roadmapCounts, rubricVersions, sharedCount, trendOf } from "./common.js";

/**
 * `compare --format docx`: the progress report as an editable Word document, with the sections of
 * the HTML page — key figures, gates cleared or newly blocking, change per dimension (bars as shaded
 * cells), index over time, improved and regressed criteria as full-width tables (an empty list is
 * one line), evidence, and the earlier roadmap's progress. Headings in Word's heading styles; right
 * to left for Arabic. Deterministic for a fixed `ctx.now`.
 */
export async function renderCompareDocx(cmp: Comparison, ctx: RenderContext): Promise<Uint8Array> {
  const lang = ctx.lang;
  const w = new DocxWriter(lang);
  const rubric = cmp.rubric;
  const fmt = (s: number | null | undefined) => formatScore(s, rubric.display);
  const delta = (d: number | null) => formatDelta(d, rubric.display, lang);
  const tone = (d: number | null) => ({ up: COLOURS.ok, down: COLOURS.bad, same: COLOURS.muted, none: COLOURS.muted })[trendOf(d, rubric.display)];
  const to = w.rtl ? " ← " : " → ";
  const first = cmp.snapshots[0]!;
  const last = cmp.snapshots[cmp.snapshots.length - 1]!;
  const hasStages = rubric.dimensions.some((d) => d.kind === "stage");
  const name = cmp.agency.name === undefined ? cmp.agency.id : textOf(rubric, cmp.agency.name, lang);
  const out: FileChild[] = [];

  out.push(w.heading(name, "title"));
  out.push(w.para([`${t(lang, "cmp.title")} · ${textOf(rubric, rubric.title, lang)}`], { color: COLOURS.muted }));
  out.push(w.para([`${t(lang, "cmp.assessments")}: ${cmp.snapshots.map((s) => s.date).join(" · ")}`], { color: COLOURS.muted }));
  const versions = rubricVersions(cmp);
  if (cmp.basis === "shared") out.push(w.para([plural(lang, "cmp.basisShared", sharedCount(cmp), { versions: versions ?? "" })], { color: COLOURS.target }));
  const klass = (k: Comparison["classification"]["before"]) => (k === null ? t(lang, "none") : textOf(rubric, k.label, lang));
  const head = [t(lang, "index")];
  const row = [`${fmt(cmp.index.before)}${to}${fmt(cmp.index.after)} (${delta(cmp.index.delta)})`];
  if (cmp.classification.before !== null || cmp.classification.after !== null) {
    head.push(t(lang, "class"));
    row.push(`${klass(cmp.classification.before)}${to}${klass(cmp.classification.after)}`);
  }
  if (hasStages) {
    head.push(t(lang, "stage"));
    row.push(`${dimensionTitle(cmp, cmp.stage.before, lang)}${to}${dimensionTitle(cmp, cmp.stage.after, lang)} (${t(lang, `cmp.stage.${cmp.stage.direction}`)})`);
  }
  out.push(w.table(head, [row]));
  const gateLine = (g: Comparison["stage"]["cleared"][number], label: string, colour: string) =>
    w.para([w.run(`${label}: `, { bold: true, color: colour }), w.run(t(lang, "cmp.gateOf", { stage: dimensionTitle(cmp, g.stage, lang), dimension: dimensionTitle(cmp, g.dimension ?? g.criterion ?? null, lang), min: fmt(g.min) })), w.run(`: ${fmt(g.before)}${to}${fmt(g.after)}`)]);
  for (const g of cmp.stage.cleared) out.push(gateLine(g, t(lang, "cmp.gateCleared"), COLOURS.ok));
  for (const g of cmp.stage.newlyBlocking) out.push(gateLine(g, t(lang, "cmp.gateBlocking"), COLOURS.bad));

  out.push(w.heading(t(lang, "cmp.deltaBars"), 1));
  const rows = cmp.dimensions.map((d) => [textOf(rubric, d.title, lang), fmt(d.before), fmt(d.after), w.cell(delta(d.delta), { color: tone(d.delta) }), w.cell([w.bar(d.after, d.before)])]);
  out.push(w.table([t(lang, "dimension"), t(lang, "cmp.before"), t(lang, "cmp.after"), t(lang, "cmp.change"), ""], rows, [34, 12, 12, 14, 28]));

  if (cmp.snapshots.length > 2) {
    out.push(w.heading(t(lang, "cmp.indexTrend"), 1));
    const dims = cmp.dimensions.map((d) => textOf(rubric, d.title, lang));
    out.push(w.table([t(lang, "date"), t(lang, "index"), ...(hasStages ? [t(lang, "stage")] : []), ...dims], cmp.snapshots.map((s, i) => [s.date, fmt(s.report.index), ...(hasStages ? [dimensionTitle(cmp, s.report.stage.current, lang)] : []), ...cmp.dimensions.map((d) => fmt(d.series[i]))])));
  }

  const changes = (title: string, empty: string, list: Comparison["improved"]) => {
    if (list.length === 0) {
      out.push(w.para([w.run(`${title}: `, { bold: true }), w.run(empty)]));
      return;
    }
    out.push(w.heading(`${title} (${list.length})`, 1));
    out.push(w.table([t(lang, "criterion"), t(lang, "dimension"), t(lang, "fromTo"), t(lang, "cmp.change")], list.map((x) => [criterionTitle(cmp, x.id, lang), dimensionTitle(cmp, x.dimension, lang), `${answerText(cmp, "before", x.id, x.before, lang)}${to}${answerText(cmp, "after", x.id, x.after, lang)}`, w.cell(delta(x.delta), { color: tone(x.delta) })]), [40, 22, 24, 14]));
  };
  changes(t(lang, "cmp.improved"), t(lang, "cmp.noImproved"), cmp.improved);
  changes(t(lang, "cmp.regressed"), t(lang, "cmp.noRegressed"), cmp.regressed);

  const ev = cmp.evidence;
  out.push(w.heading(t(lang, "evidence"), 1));
  out.push(w.para([t(lang, "cmp.evidenceSummary", { added: ev.added.length, removed: ev.removed.length, stale: ev.stale.length, days: plural(lang, "cmp.days", ev.staleAfterDays), date: last.date })]));
  const evidence = (title: string, items: Comparison["evidence"]["added"]) => {
    if (items.length === 0) return;
    out.push(w.heading(title, 2));
    out.push(w.table([t(lang, "criterion"), t(lang, "evidence"), t(lang, "date")], items.map((x) => [criterionTitle(cmp, x.criterion, lang), [x.evidence.note, x.evidence.url].filter((s): s is string => s !== undefined).join(" · "), x.evidence.date ?? ""]), [34, 50, 16]));
  };
  evidence(t(lang, "cmp.evidenceAdded"), ev.added);
  evidence(t(lang, "cmp.evidenceRemoved"), ev.removed);
  evidence(plural(lang, "cmp.evidenceStale", ev.staleAfterDays, { date: last.date }), ev.stale);

  if (hasStages) {
    out.push(w.heading(t(lang, "cmp.roadmapOf", { date: first.date }), 1));
    if (cmp.roadmap.length === 0) out.push(w.para([t(lang, "cmp.noRoadmap")]));
    else {
      const n = roadmapCounts(cmp);
      out.push(w.para([plural(lang, "cmp.roadmapSummary", cmp.roadmap.length, { done: n.done, partial: n.partial })]));
      out.push(w.table(["#", t(lang, "criterion"), t(lang, "target"), t(lang, "cmp.now"), t(lang, "status")], cmp.roadmap.map((r, i) => [String(i + 1), criterionTitle(cmp, r.step.criterion, lang), answerText(cmp, "before", r.step.criterion, r.step.to, lang), r.now === null ? "—" : answerText(cmp, "after", r.step.criterion, r.now, lang), w.cell(t(lang, `cmp.progress.${r.status}`), { color: r.status === "done" ? COLOURS.ok : COLOURS.muted })]), [6, 44, 18, 18, 14]));
    }
  }
  const ids = (heading: string, list: readonly string[]) => (list.length === 0 ? [] : [w.para([w.run(`${heading}: `, { bold: true }), w.run(list.map((id) => criterionTitle(cmp, id, lang)).join(", "))])]);
  out.push(...ids(t(lang, "cmp.newCriteria"), cmp.newCriteria), ...ids(t(lang, "cmp.droppedCriteria"), cmp.droppedCriteria));
  out.push(w.para([`egov-maturity ${ctx.toolVersion}`], { color: COLOURS.muted, size: 16 }));
  return packDocx(out, { title: `${name} — ${t(lang, "cmp.title")}`, description: textOf(rubric, rubric.title, lang), lang }, ctx);
}
