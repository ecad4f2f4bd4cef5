import type { Report } from "../../core/score.js";
import { formatScore } from "../../render/context.js";
import { escapeHtml } from "../../render/escape.js";
import { t } from "../../i18n/index.js";
import { dimensionTitle, gateNowText, gateRequirementPhrase, punctuation } from "../summary.js";

/** CSS of the stage ladder (appended to the page's stylesheet by the renderers that use it). */
export const LADDER_CSS = `.ladder{list-style:none;margin:0;padding:0;display:flex;flex-direction:column-reverse;gap:8px}
.rung{border:1px solid var(--line);border-radius:8px;padding:9px 12px;position:relative;background:#fafbfc}
.rung .head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:4px 10px}
.rung .title{font-weight:700}
.rung .gates{margin:4px 0 0;font-size:.85rem;color:var(--muted)}
.rung.attained{border-color:#86c79c;background:#effaf2}
.rung.current{border-width:2px;border-color:var(--ok);box-shadow:inset 4px 0 0 var(--ok)}
[dir=rtl] .rung.current{box-shadow:inset -4px 0 0 var(--ok)}
.rung.next{border-width:2px;border-style:dashed;border-color:var(--warn);background:#fffaf0}
.rung .marker{font-size:.75rem;font-weight:700;color:var(--ok)}
.rung.next .marker{color:var(--warn)}
.gate-fail{color:var(--bad);font-weight:600}
.gate-ok{color:var(--ok)}`;

/**
 * The stage ladder as HTML: the stages bottom-up (the first stage at the foot), each with its score
 * against its threshold and its status; the attained stage and the next one are marked, and every
 * gate of the next stage is named with its score against its minimum. Class `stage-ladder`.
 */
export function stageLadderHtml(report: Report, lang: string): string {
  const fmt = (s: number | null | undefined) => formatScore(s, report.rubric.display);
  const rungs = report.stages.map((stage) => {
    const dim = report.dimensions.find((d) => d.id === stage.id);
    const isCurrent = stage.id === report.stage.current;
    const isNext = stage.id === report.stage.next;
    const classes = ["rung", stage.status, isCurrent ? "current" : "", isNext ? "next" : ""].filter(Boolean).join(" ");
    const marker = isCurrent ? `<span class="marker">${escapeHtml(t(lang, "currentStage"))}</span> ` : isNext ? `<span class="marker">${escapeHtml(t(lang, "nextStage"))}</span> ` : "";
    const statusClass = stage.status === "attained" ? "ok" : stage.status === "blocked" ? "bad" : "muted";
    const gates =
      // Gates are spelt out where they matter: the next stage, and any stage a gate blocks.
      stage.gates.length === 0 || !(isNext || stage.status === "blocked")
        ? ""
        : `<p class="gates">${escapeHtml(t(lang, "requires"))} ${stage.gates
            .map((g) => {
              if (!("criterion" in g)) return `<span class="${g.holds ? "gate-ok" : "gate-fail"}">${escapeHtml(dimensionTitle(report, g.dimension, lang))} ≥ <bdi dir="ltr">${escapeHtml(fmt(g.min))}</bdi> (${escapeHtml(t(lang, "now"))} <bdi dir="ltr">${escapeHtml(fmt(g.score))}</bdi>)</span>`;
              // A criterion gate in its own terms: "Approved security policy: yes (now: no)".
              const need = gateRequirementPhrase(report, g, lang);
              const now = gateNowText(report, g, lang);
              const detail = (x: string) => (need.numeric ? `<bdi dir="ltr">${escapeHtml(x)}</bdi>` : escapeHtml(x));
              return `<span class="${g.holds ? "gate-ok" : "gate-fail"}">${escapeHtml(need.title + need.joiner)}${detail(need.detail)} (${escapeHtml(t(lang, "now"))} ${detail(now)})</span>`;
            })
            .join(punctuation(lang).comma)}</p>`;
    return `<li class="${classes}" data-stage="${escapeHtml(stage.id)}"><div class="head"><span>${marker}<span class="title">${escapeHtml(dimensionTitle(report, stage.id, lang))}</span></span><span><bdi dir="ltr">${escapeHtml(fmt(dim?.score))}</bdi> / <bdi dir="ltr">${escapeHtml(fmt(dim?.threshold ?? null))}</bdi> <span class="badge ${statusClass}">${escapeHtml(t(lang, `status.${stage.status}`))}</span></span></div>${gates}</li>`;
  });
  return `<ol class="ladder stage-ladder">${rungs.join("")}</ol>`;
}
