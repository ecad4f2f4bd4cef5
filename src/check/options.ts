import { checkPolicyAgainstRubric, type PolicyFile } from "../core/policy.js";
import type { Problem } from "../core/problems.js";
import type { Rubric } from "../core/rubric.js";
import { loadPolicyFile, type PolicyLoad } from "../io/policy-load.js";
import { placeProblems } from "../io/yaml.js";

/**
 * The options of `check`, as the library takes them: the command's flags in camelCase. Numbers may be
 * given as numbers or as the CLI's texts (`0.5`, `50%`).
 */
export interface CheckOptions {
  /** A policy file (YAML); the rule options below override its top level. */
  policy?: string;
  /** A rubric id or path that overrides the files' own `rubric:`. */
  rubric?: string;
  /** Language of the messages (default: the first checked rubric's first language). */
  lang?: string;
  minIndex?: number | string;
  minStage?: string;
  /** Dimension floors: `["security=0.5"]` or `{ security: 0.5 }`. */
  min?: readonly string[] | Record<string, number | string>;
  requireEvidenceFrom?: number | string;
  maxEvidenceAge?: number | string;
  forbidNa?: readonly string[] | string;
  /** A folder, or a git revision compared through the merge-base of HEAD and it. */
  baseline?: string;
  /** A git revision compared at its tip (no merge-base). */
  baselineExact?: string;
  /** YYYY-MM-DD: the day evidence ages and waivers are counted to (default: the clock's day). */
  today?: string;
  allowIncomplete?: boolean;
  /** Warnings fail the check too (exit 1). */
  failOnWarn?: boolean;
  /** Spreadsheet input: see `egov-maturity check --help`. */
  mapping?: string;
  map?: readonly string[];
  where?: readonly string[];
  /** The clock of the run (tests inject it); default: now. */
  now?: Date;
  /** The tool's version named in the outputs; default: the package's. */
  toolVersion?: string;
}

/** A problem with the options themselves, at `<options>`. */
export function optionProblem(message: string, hint?: string): Problem {
  const p: Problem = { code: "USAGE", severity: "error", message, file: "<options>", line: 1, column: 1 };
  if (hint !== undefined) p.hint = hint;
  return p;
}

/** A score option: a fraction (0.5) or a percentage (50%); undefined and a problem when it is neither. */
function parseScore(given: number | string, option: string, problems: Problem[]): number | undefined {
  const text = String(given);
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    problems.push(optionProblem(`${option} ${text} is not a score`, "give a fraction between 0 and 1 (0.5) or a percentage (50%)"));
    return undefined;
  }
  return value;
}

function parseWhole(given: number | string, option: string, problems: Problem[]): number | undefined {
  const text = String(given);
  if (!/^\d+$/.test(text.trim())) {
    problems.push(optionProblem(`${option} ${text} is not a whole number`, option === "--max-evidence-age" ? "give a number of days, e.g. 365" : "give a level of the rubric's scale, e.g. 3"));
    return undefined;
  }
  return Number(text);
}

/** The policy of a run: the file's, the options on top, and its setup problems (as data). */
export interface BuiltPolicy {
  policy: PolicyFile;
  /** The loaded policy file, to place later problems (waivers, ids the rubric lacks) at their line. */
  load?: PolicyLoad;
  problems: Problem[];
  /** Ids the rubric lacks, in the file at their line and from options at `<options>`; once per rubric. */
  problemsFor: (rubric: Rubric) => Problem[];
}

/** The policy: the --policy file, then the options on top (an option wins over the file's top level). */
export function buildPolicy(options: CheckOptions): BuiltPolicy {
  const problems: Problem[] = [];
  let policy: PolicyFile = {};
  let load: PolicyLoad | undefined;
  if (options.policy !== undefined) {
    load = loadPolicyFile(options.policy);
    problems.push(...load.problems);
    if (load.policy !== undefined) policy = load.policy;
  }
  const flags: PolicyFile = {};
  const set = <K extends keyof PolicyFile>(key: K, value: PolicyFile[K] | undefined) => {
    if (value !== undefined) flags[key] = value;
  };
  if (options.minIndex !== undefined) set("min-index", parseScore(options.minIndex, "--min-index", problems));
  if (options.minStage !== undefined) flags["min-stage"] = options.minStage;
  if (options.min !== undefined) {
    flags.min = {};
    const pairs: [string, number | string][] = Array.isArray(options.min)
      ? (options.min as readonly string[]).map((pair): [string, string] => {
          const m = /^([^=]+)=(.+)$/.exec(pair);
          if (!m) {
            problems.push(optionProblem(`--min ${pair} is not DIMENSION=SCORE`, "e.g. --min security=0.5 --min strategy=40%"));
            return ["", ""];
          }
          return [m[1]!.trim(), m[2]!];
        })
      : Object.entries(options.min);
    for (const [dim, given] of pairs) {
      if (dim === "") continue;
      const value = parseScore(given, `--min ${dim}=`, problems);
      if (value !== undefined) flags.min[dim] = value;
    }
  }
  if (options.requireEvidenceFrom !== undefined) set("require-evidence-from", parseWhole(options.requireEvidenceFrom, "--require-evidence-from", problems));
  if (options.maxEvidenceAge !== undefined) set("max-evidence-age", parseWhole(options.maxEvidenceAge, "--max-evidence-age", problems));
  if (options.forbidNa !== undefined) {
    const list = typeof options.forbidNa === "string" ? [options.forbidNa] : [...options.forbidNa];
    flags["forbid-na"] = list.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  }
  const merged: PolicyFile = { ...policy, ...flags, min: { ...policy.min, ...flags.min } };
  if (options.allowIncomplete) merged["allow-incomplete"] = true;
  const checked = new Set<Rubric>();
  return {
    policy: merged,
    ...(load !== undefined ? { load } : {}),
    problems,
    problemsFor: (rubric) => {
      if (checked.has(rubric)) return [];
      checked.add(rubric);
      const fromFile = options.policy !== undefined ? placeProblems(checkPolicyAgainstRubric(policy, rubric), load?.parsed, options.policy) : [];
      const fromFlags = checkPolicyAgainstRubric({ ...flags, min: flags.min ?? {} }, rubric).map((p) => ({ ...p, file: "<options>", line: 1, column: 1 }));
      return [...fromFile, ...fromFlags];
    },
  };
}
