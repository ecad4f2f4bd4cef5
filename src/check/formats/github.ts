import { checkCounts, isWaived, repoPath, type CheckResult } from "../result.js";
import { ruleTitle, violationText } from "../messages.js";
import { withCell } from "../where.js";
import { isFailing } from "../../core/policy.js";
import type { Problem } from "../../core/problems.js";
import { githubMessageText, githubPropertyText } from "../../render/escape.js";
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

type Level = "error" | "warning" | "notice";

function command(kind: Level, props: { file?: string; line?: number; col?: number; title: string }, message: string): string {
  const where = props.file !== undefined ? `file=${escapeCommandProperty(githubPropertyText(props.file))},line=${props.line ?? 1},col=${props.col ?? 1},` : "";
  return `::${kind} ${where}title=${escapeCommandProperty(githubPropertyText(props.title))}::${escapeCommandData(githubMessageText(message))}`;
}

/** GitHub shows this many annotations of each level per step; the rest only in the log. */
export const GITHUB_ANNOTATIONS_SHOWN = 10;

/**
 * `check --format github`: one workflow command per problem and violation, at the file (from the
 * repository root), line and column of the answer, so GitHub annotates the pull request's diff. A setup
 * error is an `::error` at the policy's line (or without a file for an option); a waived violation is a
 * notice; a place in a workbook (row and column) names its cell at the end of the message; when a level has more than ten annotations a notice first says how many and where to see all.
 */
export function renderCheckGithub(result: CheckResult, ctx: RenderContext): string {
  const lang = ctx.lang;
  const annotations: { level: Level; line: string }[] = [];
  const problem = (p: Problem, file: string) => {
    const at = p.file ?? file;
    const props = at.startsWith("<") ? { title: p.code } : { file: repoPath(result, at), line: p.line ?? 1, col: p.column ?? 1, title: p.code };
    annotations.push({ level: p.severity, line: command(p.severity, props, withCell(p.hint ? `${p.message}\n${p.hint}` : p.message, p)) });
  };
  for (const p of result.setup) problem(p, "<options>");
  for (const f of result.files) for (const p of f.problems) problem(p, f.file);
  for (const f of result.files) {
    for (const a of f.agencies) {
      for (const v of a.violations) {
        const level: Level = isWaived(v) ? "notice" : isFailing(v, result.failOnWarn) ? "error" : "warning";
        annotations.push({ level, line: command(level, { file: repoPath(result, f.file), line: v.line, col: v.column, title: `${ruleTitle(v.rule, lang)} (${v.rule})` }, withCell(`${a.id}: ${violationText(v, a, lang)}`, v)) });
      }
    }
  }
  const lines: string[] = [];
  for (const level of ["error", "warning", "notice"] as const) {
    const n = annotations.filter((x) => x.level === level).length;
    if (n > GITHUB_ANNOTATIONS_SHOWN) {
      lines.push(command("notice", { title: "egov-maturity" }, t(lang, "check.moreAnnotations", { n: n - GITHUB_ANNOTATIONS_SHOWN, level, where: t(lang, "check.moreWhere") })));
    }
  }
  lines.push(...annotations.map((x) => x.line));
  const n = checkCounts(result);
  lines.push(t(lang, "check.summary", { files: n.files, agencies: n.agencies, passed: n.passed, failed: n.failed, invalid: n.invalid }).replace(/^::/, ": :"));
  return `${lines.join("\n")}\n`;
}
