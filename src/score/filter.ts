import { UsageError } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { didYouMean } from "../core/suggest.js";
import type { AgencyResult } from "./types.js";

/** One `--filter`: `key=a,b` (any of), `key!=a,b` (none of), `stage>=id` (that stage or a later one). */
export interface AgencyFilter {
  key: string;
  op: "=" | "!=" | ">=";
  values: string[];
}

/** Parses `--filter` expressions; a malformed one is a usage error. */
export function parseFilters(expressions: readonly string[]): AgencyFilter[] {
  return expressions.map((expression) => {
    const m = /^([A-Za-z0-9_.-]+)\s*(!=|>=|=)\s*(.+)$/.exec(expression.trim());
    if (!m) throw new UsageError(`--filter ${expression}: expected key=value`, "e.g. --filter sector=health, --filter region=north,south, --filter stage>=interaction, --filter class!=low");
    const [, key = "", op = "=", rest = ""] = m;
    if (op === ">=" && key !== "stage") throw new UsageError(`--filter ${expression}: \`>=\` compares stages only`, "e.g. --filter stage>=interaction");
    return { key, op: op as AgencyFilter["op"], values: rest.split(",").map((v) => v.trim()).filter((v) => v !== "") };
  });
}

/** Checks stage and class values against the rubric (with "did you mean"); usage error if one is unknown. */
export function checkFilters(filters: readonly AgencyFilter[], rubric: Rubric): void {
  const stages = [...rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id), "none"];
  const classes = [...rubric.classification.map((b) => b.id), "none"];
  for (const f of filters) {
    const known = f.key === "stage" ? stages : f.key === "class" ? classes : undefined;
    if (known === undefined) continue;
    for (const v of f.values) {
      if (!known.includes(v)) throw new UsageError(`--filter ${f.key}${f.op}${v}: \`${v}\` is not a ${f.key} of rubric ${rubric.id}`, didYouMean(v, known) ?? `${f.key === "stage" ? "stages" : "classes"}: ${known.join(", ")}`);
    }
  }
}

/** True when the agency passes every filter. `stage` and `class` refer to the result ("none" for no stage or class); other keys to `agency.groups`. */
export function matchesFilters(agency: AgencyResult, filters: readonly AgencyFilter[], rubric: Rubric): boolean {
  for (const f of filters) {
    if (f.op === ">=") {
      const order = rubric.dimensions.filter((d) => d.kind === "stage").map((d) => d.id);
      const at = agency.stage === null ? -1 : order.indexOf(agency.stage);
      const need = Math.min(...f.values.map((v) => (v === "none" ? -1 : order.indexOf(v))));
      if (at < need) return false;
      continue;
    }
    const value = f.key === "stage" ? agency.stage ?? "none" : f.key === "class" ? agency.classification ?? "none" : agency.groups[f.key];
    const hit = value !== undefined && f.values.includes(value);
    if (f.op === "=" ? !hit : hit) return false;
  }
  return true;
}
