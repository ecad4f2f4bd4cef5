import { checkCounts, type CheckResult } from "../result.js";
import { githubMessageText, githubPropertyText } from "../../render/escape.js";
import { ruleTitle, violationMessage } from "../messages.js";
import type { RenderContext } from "../../render/context.js";
import { t } from "../../i18n/index.js";

/** A workflow command's message: `%`, CR and LF escaped (GitHub's `escapeData`). */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: as data, plus `:` and `,` (GitHub's `escapeProperty`). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(kind: "error" | "warning", props: { file: string; line: number; col: number; title: string }, message: string): string {
  const p = `file=${escapeCommandProperty(githubPropertyText(props.file))},line=${props.line},col=${props.col},title=${escapeCommandProperty(githubPropertyText(props.title))}`;
  return `::${kind} ${p}::${escapeCommandData(githubMessageText(message))}`;
}

/**
 * `check --format github`: one workflow command per problem and violation, at the file, line and
 * column of the answer (or the agency block), so GitHub annotates the pull request's diff.
 */
export function renderCheckGithub(result: CheckResult, ctx: RenderContext): string {
  const lang = ctx.lang;
  const lines: string[] = [];
  for (const f of result.files) {
    for (const p of f.problems) {
      lines.push(command(p.severity, { file: p.file ?? f.file, line: p.line ?? 1, col: p.column ?? 1, title: `${p.code}` }, p.hint ? `${p.message}\n${p.hint}` : p.message));
    }
  }
  for (const f of result.files) {
    for (const a of f.agencies) {
      for (const v of a.violations) lines.push(command(v.severity, { file: f.file, line: v.line, col: v.column, title: `${ruleTitle(v.rule, lang)} (${v.rule})` }, `${a.id}: ${violationMessage(v, a, lang)}`));
    }
  }
  const n = checkCounts(result);
  lines.push(t(lang, "check.summary", { files: n.files, agencies: n.agencies, passed: n.passed, failed: n.failed, invalid: n.invalid }).replace(/^::/, ": :"));
  return `${lines.join("\n")}\n`;
}
