import { Chalk } from "chalk";
import { agencyFails, checkCounts, isWaived, type CheckResult, type CheckedAgency } from "../result.js";
import type { Problem } from "../../core/problems.js";
import { violationText } from "../messages.js";
import { placeText, problemPlace } from "../where.js";
import { formatScore, terminalLine, textOf, type RenderContext } from "../../render/context.js";
import { t } from "../../i18n/index.js";

/** A problem as the tool prints every error: `file:line:column  error  CODE  message`, hint indented. */
function problemLine(p: Problem, lang: string, c: InstanceType<typeof Chalk>): string {
  const doc = p.document !== undefined && p.document > 0 ? ` (${t(lang, "check.document", { n: p.document + 1 })})` : "";
  const severity = p.severity === "error" ? c.red(t(lang, "check.error")) : c.yellow(t(lang, "check.warning"));
  let line = `  ${terminalLine(problemPlace(p, "<input>"))}  ${severity}  ${c.bold(p.code)}  ${terminalLine(p.message)}${doc}`;
  if (p.hint) line += `\n      ${c.dim(terminalLine(p.hint))}`;
  return line;
}

/** The agency's name (else id), index and stage on one line. */
export function agencyHeadline(a: CheckedAgency, lang: string): string {
  const name = a.name !== undefined ? textOf(a.rubric, a.name, lang) : "";
  const stage = a.stage === null ? t(lang, "none") : textOf(a.rubric, a.rubric.dimensions.find((d) => d.id === a.stage)?.title ?? a.stage, lang);
  const staged = a.rubric.dimensions.some((d) => d.kind === "stage");
  return `${a.id}${name && name !== a.id ? ` · ${name}` : ""} · ${t(lang, "index")}: ${formatScore(a.index, a.rubric.display)}${staged ? ` · ${t(lang, "stage")}: ${stage}` : ""}`;
}

/** What a reader should know about an agency besides its violations: new, renamed, removed, retired. */
export function agencyNotes(a: CheckedAgency, lang: string): string[] {
  const notes: string[] = [];
  if (a.baseline === "new") notes.push(t(lang, "check.newAgency"));
  if (a.state === "retired") notes.push(t(lang, "check.retired", { reason: a.reason ?? "" }));
  if (a.state === "removed") notes.push(t(lang, "check.removed"));
  if (a.previousId !== undefined && a.reason !== undefined) notes.push(t(lang, "check.renamed", { from: a.previousId, reason: a.reason }));
  return notes;
}

/** `check --format table`: invalid files first, then each agency's verdict with its violations at file:line:column. */
export function renderCheckTable(result: CheckResult, ctx: RenderContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lang = ctx.lang;
  const out: string[] = [];
  if (result.setup.length > 0) {
    out.push(c.bold(t(lang, "check.setupFailed")), ...result.setup.map((p) => problemLine(p, lang, c)), "");
  }
  if (result.baseline !== undefined) out.push(c.dim(t(lang, "check.baseline", { source: terminalLine(result.baseline) })), "");
  const invalid = result.files.filter((f) => f.problems.length > 0);
  if (invalid.length > 0) {
    out.push(c.bold(t(lang, "check.invalidFiles")));
    for (const f of invalid) out.push(...f.problems.map((p) => problemLine(p, lang, c)));
    out.push("");
  }
  for (const f of result.files) {
    for (const a of f.agencies) {
      const failed = agencyFails(a, result.failOnWarn);
      const mark = failed ? c.red(t(lang, "check.fail")) : c.green(t(lang, "check.pass"));
      out.push(`${mark}  ${terminalLine(f.file)}  ${terminalLine(agencyHeadline(a, lang))}`);
      for (const note of agencyNotes(a, lang)) out.push(`      ${c.dim(terminalLine(note))}`);
      for (const v of a.violations) {
        const severity = isWaived(v) ? c.cyan(t(lang, "check.waivedMark")) : v.severity === "error" ? c.red(t(lang, "check.error")) : c.yellow(t(lang, "check.warning"));
        out.push(`  ${terminalLine(placeText(f.file, v))}  ${severity}  ${c.bold(v.rule)}  ${terminalLine(violationText(v, a, lang))}`);
      }
    }
  }
  const n = checkCounts(result);
  if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  out.push(t(lang, "check.summary", { files: n.files, agencies: n.agencies, passed: n.passed, failed: n.failed, invalid: n.invalid }));
  out.push(t(lang, "check.counts", { errors: n.errors, warnings: n.warnings, problems: n.problems }) + (n.waived > 0 ? ` · ${t(lang, "check.waivedCount", { n: n.waived })}` : ""));
  return `${out.join("\n")}\n`;
}
