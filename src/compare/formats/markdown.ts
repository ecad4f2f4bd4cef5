import type { Comparison } from "../../core/compare.js";
import { answerText, arrowOf, criterionTitle, dimensionTitle, formatDelta, roadmapCounts, rubricVersions, sharedCount, sparkline } from "./common.js";
import { formatScore, textOf, type RenderContext } from "../../render/context.js";
import { markdownText } from "../../render/escape.js";
import { plural, t } from "../../i18n/index.js";

/** `compare --format markdown`: the before/after for a PR comment, a step summary or a slide's notes. */
export function renderCompareMarkdown(cmp: Comparison, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rubric = cmp.rubric;
  const fmt = (s: number | null | undefined) => formatScore(s, rubric.display);
  const dl = (d: number | null) => formatDelta(d, rubric.display, lang);
  const md = markdownText;
  const dim = (id: string | null) => md(dimensionTitle(cmp, id, lang));
  const crit = (id: string) => `${md(criterionTitle(cmp, id, lang))} \`${id.replace(/`/g, "")}\``;
  const trend = cmp.snapshots.length > 2;
  const first = cmp.snapshots[0]!;
  const last = cmp.snapshots[cmp.snapshots.length - 1]!;
  const out: string[] = [];

  const name = cmp.agency.name === undefined ? cmp.agency.id : textOf(rubric, cmp.agency.name, lang);
  out.push(`## ${md(name)} — ${md(textOf(rubric, rubric.title, lang))}`, "");
  out.push(`${t(lang, "cmp.assessments")}: ${cmp.snapshots.map((s) => md(s.date)).join(" · ")}`, "");
  const versions = rubricVersions(cmp);
  if (cmp.basis === "shared") out.push(`> ${plural(lang, "cmp.basisShared", sharedCount(cmp), { versions: md(versions ?? "") })}`, "");
  else if (versions !== null) out.push(`${t(lang, "rubric")}: ${md(versions)}`, "");

  out.push(`| | ${t(lang, "cmp.before")} | ${t(lang, "cmp.after")} | ${t(lang, "cmp.change")} |`, "|---|---|---|---|");
  out.push(`| **${t(lang, "index")}** | ${fmt(cmp.index.before)} | **${fmt(cmp.index.after)}** | ${arrowOf(cmp.index.delta, rubric.display)} ${dl(cmp.index.delta)} |`);
  const klass = (k: Comparison["classification"]["before"]) => (k === null ? t(lang, "none") : md(textOf(rubric, k.label, lang)));
  if (cmp.classification.before !== null || cmp.classification.after !== null) out.push(`| **${t(lang, "class")}** | ${klass(cmp.classification.before)} | ${klass(cmp.classification.after)} | |`);
  const hasStages = rubric.dimensions.some((d) => d.kind === "stage");
  if (hasStages) {
    const dir = cmp.stage.direction;
    out.push(`| **${t(lang, "stage")}** | ${dim(cmp.stage.before)} | ${dim(cmp.stage.after)} | ${dir === "up" ? "▲ " : dir === "down" ? "▼ " : ""}${t(lang, `cmp.stage.${dir}`)} |`);
  }
  out.push("");
  const gate = (g: Comparison["stage"]["cleared"][number]) => `${t(lang, "cmp.gateOf", { stage: dim(g.stage), dimension: dim(g.dimension ?? g.criterion ?? null), min: fmt(g.min) })}: ${fmt(g.before)} → ${fmt(g.after)}`;
  for (const g of cmp.stage.cleared) out.push(`- ✅ ${t(lang, "cmp.gateCleared")}: ${gate(g)}`);
  for (const g of cmp.stage.newlyBlocking) out.push(`- ⛔ ${t(lang, "cmp.gateBlocking")}: ${gate(g)}`);
  if (cmp.stage.cleared.length + cmp.stage.newlyBlocking.length > 0) out.push("");
  if (trend) {
    out.push(`**${t(lang, "cmp.indexTrend")}**: ${cmp.snapshots.map((s) => `${md(s.date)} ${fmt(s.report.index)}`).join(" · ")} \`${sparkline(cmp.snapshots.map((s) => s.report.index))}\``, "");
    if (hasStages) out.push(`**${t(lang, "cmp.stageHistory")}**: ${cmp.snapshots.map((s) => `${md(s.date)} ${dim(s.report.stage.current)}`).join(" · ")}`, "");
  }

  out.push(`| ${t(lang, "dimension")} | ${t(lang, "cmp.before")} | ${t(lang, "cmp.after")} | ${t(lang, "cmp.change")} |${trend ? ` ${t(lang, "cmp.trend")} |` : ""}`);
  out.push(`|---|---:|---:|---:|${trend ? "---|" : ""}`);
  for (const d of cmp.dimensions) {
    out.push(`| ${dim(d.id)} | ${fmt(d.before)} | ${fmt(d.after)} | ${arrowOf(d.delta, rubric.display)} ${dl(d.delta)} |${trend ? ` \`${sparkline(d.series)}\` |` : ""}`);
  }
  out.push("");

  const changes = (title: string, empty: string, list: Comparison["improved"]) => {
    out.push(`### ${title} (${list.length})`, "");
    if (list.length === 0) {
      out.push(empty, "");
      return;
    }
    out.push(`| ${t(lang, "criterion")} | ${t(lang, "fromTo")} | ${t(lang, "cmp.change")} |`, "|---|---|---:|");
    for (const x of list) out.push(`| ${crit(x.id)} | ${md(answerText(cmp, "before", x.id, x.before, lang))} → ${md(answerText(cmp, "after", x.id, x.after, lang))} | ${dl(x.delta)} |`);
    out.push("");
  };
  changes(t(lang, "cmp.improved"), t(lang, "cmp.noImproved"), cmp.improved);
  changes(t(lang, "cmp.regressed"), t(lang, "cmp.noRegressed"), cmp.regressed);

  const ev = cmp.evidence;
  out.push(`### ${t(lang, "evidence")}`, "");
  out.push(t(lang, "cmp.evidenceSummary", { added: ev.added.length, removed: ev.removed.length, stale: ev.stale.length, days: plural(lang, "cmp.days", ev.staleAfterDays), date: md(last.date) }), "");
  const list = (title: string, items: Comparison["evidence"]["added"]) => {
    if (items.length === 0) return;
    out.push(`**${md(title)}**`, "");
    for (const e of items) out.push(`- \`${e.criterion.replace(/`/g, "")}\`: ${md(e.evidence.url ?? e.evidence.note ?? "")}${e.evidence.date ? ` (${md(e.evidence.date)})` : ""}`);
    out.push("");
  };
  list(t(lang, "cmp.evidenceAdded"), ev.added);
  list(t(lang, "cmp.evidenceRemoved"), ev.removed);
  list(plural(lang, "cmp.evidenceStale", ev.staleAfterDays, { date: last.date }), ev.stale);

  if (hasStages) {
    out.push(`### ${md(t(lang, "cmp.roadmapOf", { date: first.date }))}`, "");
    if (cmp.roadmap.length === 0) out.push(t(lang, "cmp.noRoadmap"), "");
    else {
      const n = roadmapCounts(cmp);
      out.push(plural(lang, "cmp.roadmapSummary", cmp.roadmap.length, { done: n.done, partial: n.partial }), "");
      out.push(`| # | ${t(lang, "criterion")} | ${t(lang, "target")} | ${t(lang, "cmp.now")} | ${t(lang, "status")} |`, "|---:|---|---|---|---|");
      cmp.roadmap.forEach((r, i) => {
        const mark = { done: "✅ ", partial: "◐ ", open: "", dropped: "" }[r.status];
        out.push(`| ${i + 1} | ${crit(r.step.criterion)} | ${md(answerText(cmp, "before", r.step.criterion, r.step.to, lang))} | ${r.now === null ? "—" : md(answerText(cmp, "after", r.step.criterion, r.now, lang))} | ${mark}${t(lang, `cmp.progress.${r.status}`)} |`);
      });
      out.push("");
    }
  }
  if (cmp.newCriteria.length > 0) out.push(`${t(lang, "cmp.newCriteria")}: ${cmp.newCriteria.map((id) => `\`${id.replace(/`/g, "")}\``).join(", ")}`, "");
  if (cmp.droppedCriteria.length > 0) out.push(`${t(lang, "cmp.droppedCriteria")}: ${cmp.droppedCriteria.map((id) => `\`${id.replace(/`/g, "")}\``).join(", ")}`, "");
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
