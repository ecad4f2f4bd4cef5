import type { z } from "zod";
import { problemAt, type Problem } from "./problems.js";
import { didYouMean } from "./suggest.js";

type Path = (string | number)[];
type Issue = z.core.$ZodIssue;
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  valueType?: unknown;
  options?: unknown[];
  in?: unknown;
}

function defOf(schema: unknown): SchemaDef | undefined {
  const def = (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
  return def;
}

/** The keys an object schema accepts at `path` (through optionals, arrays, records and unions). */
export function keysAt(schema: unknown, path: readonly (string | number)[]): string[] {
  const def = defOf(schema);
  if (def === undefined) return [];
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return keysAt(def.innerType, path);
    case "pipe":
      return keysAt(def.in, path);
    case "union":
      return [...new Set((def.options ?? []).flatMap((o) => keysAt(o, path)))];
    case "object":
      if (path.length === 0) return Object.keys(def.shape ?? {});
      return keysAt(def.shape?.[String(path[0])], path.slice(1));
    case "array":
      return path.length === 0 ? [] : keysAt(def.element, path.slice(1));
    case "record":
      return path.length === 0 ? [] : keysAt(def.valueType, path.slice(1));
    default:
      return [];
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  record: "a mapping",
};

/** The most relevant branch of a failed union: the one that got furthest into the value. */
function bestBranch(errors: Issue[][]): Issue[] | undefined {
  let best: Issue[] | undefined;
  let bestScore = -1;
  for (const branch of errors) {
    const first = branch[0];
    if (!first) continue;
    const depth = first.path.length + (first.code === "invalid_type" ? 0 : 0.5);
    if (depth > bestScore) {
      best = branch;
      bestScore = depth;
    }
  }
  return bestScore > 0 ? best : undefined;
}

/** Turns zod issues into problems at the offending node, with "did you mean" for unknown keys. */
export function zodProblems(issues: readonly Issue[], schema: unknown, input: unknown, prefix: Path = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const value = valueAt(input, path.slice(prefix.length));
    const last = path[path.length - 1];
    switch (issue.code) {
      case "unrecognized_keys": {
        const known = keysAt(schema, path.slice(prefix.length));
        for (const key of issue.keys) {
          problems.push(problemAt([...path, key], "UNKNOWN_KEY", `unknown key \`${key}\``, didYouMean(key, known) ?? (known.length > 0 ? `allowed keys: ${known.join(", ")}` : undefined), true));
        }
        break;
      }
      case "invalid_type": {
        if (value === undefined) {
          problems.push(problemAt(path.slice(0, -1), "MISSING_KEY", `missing required key \`${String(last)}\``, `add \`${String(last)}:\` (${EXPECTED[issue.expected] ?? issue.expected})`));
        } else {
          const expected = EXPECTED[issue.expected] ?? issue.expected;
          const hint = typeof value === "string" && issue.expected === "number" && !Number.isNaN(Number(value)) ? `write it without quotes: ${value}` : undefined;
          problems.push(problemAt(path, "INVALID_TYPE", `expected ${expected}${last !== undefined ? ` for \`${String(last)}\`` : ""}, got ${describe(value)}`, hint));
        }
        break;
      }
      case "invalid_union": {
        const branch = bestBranch(issue.errors as Issue[][]);
        if (branch) {
          // A branch's issues have paths relative to the union's value.
          problems.push(...zodProblems(branch.map((b) => ({ ...b, path: [...issue.path, ...b.path] }) as Issue), schema, input, prefix));
          break;
        }
        if (value === undefined) {
          problems.push(problemAt(path.slice(0, -1), "MISSING_KEY", `missing required key \`${String(last)}\``));
        } else {
          const expected = [...new Set((issue.errors as Issue[][]).map((b) => b[0]).filter((i): i is Issue => i !== undefined && i.code === "invalid_type").map((i) => EXPECTED[(i as { expected: string }).expected] ?? (i as { expected: string }).expected))];
          const text = typeof value === "string" ? value.trim() : "";
          const hint =
            expected.includes(EXPECTED.number!) && text !== "" && !Number.isNaN(Number(text))
              ? `write it without quotes: ${text}`
              : expected.includes(EXPECTED.boolean!) && /^(true|false|yes|no)$/i.test(text)
                ? `write \`${/^(true|yes)$/i.test(text) ? "true" : "false"}\` without quotes`
                : undefined;
          problems.push(problemAt(path, "INVALID_TYPE", `expected ${expected.join(" or ") || "another kind of value"}${last !== undefined ? ` for \`${String(last)}\`` : ""}, got ${describe(value)}`, hint));
        }
        break;
      }
      case "too_small":
      case "too_big": {
        const bound = issue.code === "too_small" ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
        const isCount = issue.origin === "array" || issue.origin === "string" || issue.origin === "set";
        const noun = issue.origin === "array" ? "items" : issue.origin === "string" ? "characters" : "";
        const strict = issue.code === "too_small" ? (issue.inclusive === false ? "above" : "at least") : issue.inclusive === false ? "below" : "at most";
        problems.push(
          problemAt(
            path,
            issue.origin === "array" && issue.code === "too_small" && issue.minimum === 1 ? "EMPTY_LIST" : "OUT_OF_RANGE",
            isCount ? `\`${String(last)}\` needs ${bound} ${noun}` : `${String(value)} is out of range for \`${String(last)}\`: must be ${strict} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)}`,
          ),
        );
        break;
      }
      case "invalid_format":
        problems.push(problemAt(path, "INVALID_FORMAT", `${describe(value)} is not valid for \`${String(last)}\`: expected ${issue.message.replace(/^Invalid string: must match pattern .*/, "another format")}`));
        break;
      case "invalid_value":
        if (value === undefined) {
          // zod reports a missing enum key as an invalid value
          problems.push(problemAt(path.slice(0, -1), "MISSING_KEY", `missing required key \`${String(last)}\``, `add \`${String(last)}:\` (${issue.values.map((v) => String(v)).join(", ")})`));
        } else problems.push(problemAt(path, "INVALID_VALUE", `${describe(value)} is not allowed for \`${String(last)}\``, `allowed: ${issue.values.map((v) => String(v)).join(", ")}`));
        break;
      case "not_multiple_of":
        problems.push(problemAt(path, "OUT_OF_RANGE", `${String(value)} is not a whole number`));
        break;
      case "custom":
        problems.push(problemAt(path, "INVALID_VALUE", `${describe(value)} is not valid for \`${String(last)}\`: ${issue.message}`));
        break;
      default:
        problems.push(problemAt(path, "INVALID_VALUE", issue.message));
    }
  }
  return problems;
}
