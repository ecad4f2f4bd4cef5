import type { Log, Notification, ReportingDescriptor, Result } from "sarif";
import { RULE_IDS, isFailing, type RuleId } from "../../core/policy.js";
import type { Problem } from "../../core/problems.js";
import { isWaived, repoPath, type CheckResult } from "../result.js";
import { ruleHelp, ruleTitle, violationText } from "../messages.js";
import type { RenderContext } from "../../render/context.js";
import { fingerprint } from "./fingerprint.js";
import { cellOf, withCell, type Place } from "../where.js";

/** The base the artifact URIs are relative to: the repository root (the code host knows where it is). */
export const SRCROOT = "SRCROOT";

/** A path from the repository root as a SARIF artifact URI: forward slashes, each segment percent-encoded. */
export function artifactUri(file: string): string {
  const slashed = file.split("\\").join("/");
  return slashed
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .map((s) => encodeURIComponent(s))
    .join("/");
}

const pascal = (id: string) => id.replace(/(^|-)([a-z])/g, (_, _d: string, ch: string) => ch.toUpperCase());

/** A result's location: the file and region (a workbook's row and column), and a workbook's cell as a logical location. */
function location(result: CheckResult, file: string, at: Partial<Place>): NonNullable<Result["locations"]> {
  const line = at.line ?? 1;
  const column = at.column ?? 1;
  const place: NonNullable<Result["locations"]>[number] = { physicalLocation: { artifactLocation: { uri: artifactUri(repoPath(result, file)), uriBaseId: SRCROOT }, region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) } } };
  const cell = cellOf(at);
  if (cell !== undefined) place.logicalLocations = [{ name: cell, fullyQualifiedName: `${repoPath(result, file)}:${cell}`, kind: "element" }];
  return [place];
}

/**
 * `check --format sarif`: SARIF 2.1.0. A rule per policy check with its help (text and markdown; the
 * tool's home page as `informationUri` and each rule's `helpUri` when package.json names one — no
 * invented URL otherwise); a result per violation or problem at its file (relative to the repository root, through
 * `originalUriBaseIds`), line and column, with partial fingerprints that survive line moves. A run that
 * could not start reports its setup problems as tool execution notifications, at the policy's line.
 */
export function renderCheckSarif(result: CheckResult, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rules: ReportingDescriptor[] = RULE_IDS.map((id) => ({
    id,
    name: pascal(id),
    shortDescription: { text: ruleTitle(id, lang) },
    fullDescription: { text: ruleHelp(id, lang) },
    ...(result.homepage !== undefined ? { helpUri: result.homepage } : {}),
    help: { text: ruleHelp(id, lang), markdown: `**${ruleTitle(id, lang)}** (\`${id}\`)\n\n${ruleHelp(id, lang)}` },
    defaultConfiguration: { level: "error" },
  }));
  const index = (id: RuleId) => RULE_IDS.indexOf(id);
  const results: Result[] = [];
  const problemResult = (p: Problem, file: string): Result => ({
    ruleId: "valid-input",
    ruleIndex: index("valid-input"),
    level: p.severity,
    message: { text: withCell(`${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`, p) },
    locations: location(result, p.file ?? file, p),
    partialFingerprints: { "egovMaturity/v1": fingerprint(["valid-input", repoPath(result, p.file ?? file), p.code, p.message]) },
    properties: { code: p.code },
  });
  for (const f of result.files) for (const p of f.problems) results.push(problemResult(p, f.file));
  for (const f of result.files) {
    for (const a of f.agencies) {
      for (const v of a.violations) {
        const r: Result = {
          ruleId: v.rule,
          ruleIndex: index(v.rule),
          level: isFailing(v, result.failOnWarn) ? "error" : v.severity === "warning" ? "warning" : "note",
          message: { text: withCell(`${a.id}: ${violationText(v, a, lang)}`, v) },
          locations: location(result, f.file, v),
          partialFingerprints: { "egovMaturity/v1": fingerprint([v.rule, repoPath(result, f.file), a.id, v.criterion ?? "", v.dimension ?? ""]) },
          properties: { agency: a.id },
        };
        if (isWaived(v)) r.suppressions = [{ kind: "external", status: "accepted", justification: `${v.waiver!.reason} (expires ${v.waiver!.expires})` }];
        results.push(r);
      }
    }
  }
  const notifications: Notification[] = result.setup.map((p) => {
    const n: Notification = { level: p.severity, message: { text: `${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}` }, descriptor: { id: p.code } };
    if (p.file !== undefined && !p.file.startsWith("<")) n.locations = location(result, p.file, p);
    return n;
  });
  const sarif: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "egov-maturity", version: ctx.toolVersion, semanticVersion: ctx.toolVersion, ...(result.homepage !== undefined ? { informationUri: result.homepage } : {}), rules } },
        invocations: [{ executionSuccessful: result.setup.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { description: { text: "The root of the repository checked out (the working folder's repository)." } } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
