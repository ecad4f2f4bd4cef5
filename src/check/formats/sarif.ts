import { RULE_IDS, type RuleId } from "../../core/policy.js";
import type { CheckResult } from "../result.js";
import { ruleHelp, ruleTitle, violationMessage } from "../messages.js";
import type { RenderContext } from "../../render/context.js";

/** A file path as a SARIF artifact URI: forward slashes, each segment percent-encoded; absolute paths as file: URIs. */
export function artifactUri(file: string): string {
  const slashed = file.split("\\").join("/");
  const encoded = slashed.split("/").map((s) => (/^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join("/");
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  if (slashed.startsWith("/")) return `file://${encoded}`;
  return encoded.replace(/^\.\//, "");
}

const pascal = (id: string) => id.replace(/(^|-)([a-z])/g, (_, _d: string, ch: string) => ch.toUpperCase());

/**
 * `check --format sarif`: SARIF 2.1.0. A rule per policy check (and one for invalid input) with its
 * help; a result per violation or problem at its file, line and column.
 */
export function renderCheckSarif(result: CheckResult, ctx: RenderContext): string {
  const lang = ctx.lang;
  const rules = RULE_IDS.map((id) => ({
    id,
    name: pascal(id),
    shortDescription: { text: ruleTitle(id, lang) },
    fullDescription: { text: ruleHelp(id, lang) },
    help: { text: ruleHelp(id, lang), markdown: ruleHelp(id, lang) },
    defaultConfiguration: { level: "error" },
  }));
  const index = (id: RuleId) => RULE_IDS.indexOf(id);
  const location = (file: string, line: number, column: number) => [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) } } }];
  const results: unknown[] = [];
  for (const f of result.files) {
    for (const p of f.problems) {
      results.push({ ruleId: "valid-input", ruleIndex: index("valid-input"), level: p.severity, message: { text: `${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ""}` }, locations: location(p.file ?? f.file, p.line ?? 1, p.column ?? 1), properties: { code: p.code } });
    }
  }
  for (const f of result.files) {
    for (const a of f.agencies) {
      for (const v of a.violations) {
        results.push({ ruleId: v.rule, ruleIndex: index(v.rule), level: v.severity, message: { text: `${a.id}: ${violationMessage(v, a, lang)}` }, locations: location(f.file, v.line, v.column), properties: { agency: a.id } });
      }
    }
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "egov-maturity", version: ctx.toolVersion, semanticVersion: ctx.toolVersion, informationUri: "https://www.npmjs.com/package/egov-maturity", rules } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
