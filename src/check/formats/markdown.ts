import { agencyFails, checkCounts, isWaived, type CheckResult } from "../result.js";
import { ruleTitle, violationText } from "../messages.js";
import { agencyHeadline, agencyNotes } from "./table.js";
import { placeText, problemPlace } from "../where.js";
import type { RenderContext } from "../../render/context.js";
import { markdownText } from "../../render/escape.js";
import { t } from "../../i18n/index.js";

/** `check --format markdown`: a summary fit for `$GITHUB_STEP_SUMMARY` or a pull-request comment. */
export function renderCheckMarkdown(result: CheckResult, ctx: RenderContext): string {
  const lang = ctx.lang;
  const n = checkCounts(result);
  const icon = result.exitCode === 0 ? "✅" : result.exitCode === 1 ? "❌" : "⛔";
  const out: string[] = [`## ${icon} egov-maturity · ${t(lang, "check.title")}`, ""];
  out.push(markdownText(t(lang, "check.summary", { files: n.files, agencies: n.agencies, passed: n.passed, failed: n.failed, invalid: n.invalid })) + "  ");
  out.push(markdownText(t(lang, "check.counts", { errors: n.errors, warnings: n.warnings, problems: n.problems }) + (n.waived > 0 ? ` · ${t(lang, "check.waivedCount", { n: n.waived })}` : "")));
  if (result.setup.length > 0) {
    out.push("", `### ${t(lang, "check.setupFailed")}`, "", `| ${t(lang, "check.where")} | ${t(lang, "check.rule")} | ${t(lang, "check.message")} |`, "|---|---|---|");
    for (const p of result.setup) out.push(`| ${markdownText(problemPlace(p, "<options>"))} | \`${p.code}\` | ${markdownText(p.message)}${p.hint ? ` — ${markdownText(p.hint)}` : ""} |`);
  }
  if (result.baseline !== undefined) out.push("", markdownText(t(lang, "check.baseline", { source: result.baseline })));
  const invalid = result.files.filter((f) => f.problems.length > 0);
  if (invalid.length > 0) {
    out.push("", `### ${t(lang, "check.invalidFiles")}`, "", `| ${t(lang, "check.where")} | ${t(lang, "check.rule")} | ${t(lang, "check.message")} |`, "|---|---|---|");
    for (const f of invalid) for (const p of f.problems) out.push(`| ${markdownText(problemPlace(p, f.file))} | \`${p.code}\` | ${markdownText(p.message)}${p.hint ? ` — ${markdownText(p.hint)}` : ""} |`);
  }
  const agencies = result.files.flatMap((f) => f.agencies.map((a) => ({ f, a })));
  if (agencies.length > 0) {
    out.push("", `| ${t(lang, "check.result")} | ${t(lang, "check.file")} | ${t(lang, "check.agency")} |`, "|---|---|---|");
    for (const { f, a } of agencies) {
      const failed = agencyFails(a, result.failOnWarn);
      const notes = agencyNotes(a, lang);
      out.push(`| ${failed ? `❌ ${t(lang, "check.fail")}` : `✅ ${t(lang, "check.pass")}`} | ${markdownText(f.file)} | ${markdownText(agencyHeadline(a, lang))}${notes.length > 0 ? ` (${markdownText(notes.join("; "))})` : ""} |`);
    }
  }
  const violations = agencies.flatMap(({ f, a }) => a.violations.map((v) => ({ f, a, v })));
  if (violations.length > 0) {
    out.push("", `### ${t(lang, "check.violations")}`, "", `| ${t(lang, "check.where")} | ${t(lang, "check.rule")} | ${t(lang, "check.message")} |`, "|---|---|---|");
    for (const { f, a, v } of violations) {
      const icon = isWaived(v) ? "🛡️" : v.severity === "error" ? "❌" : "⚠️";
      out.push(`| ${icon} ${markdownText(placeText(f.file, v))} | ${markdownText(ruleTitle(v.rule, lang))} (\`${v.rule}\`) | ${markdownText(violationText(v, a, lang))} |`);
    }
  } else if (result.exitCode === 0) out.push("", markdownText(t(lang, "check.allPass")));
  return `${out.join("\n")}\n`;
}
