/**
 * A rubric file's text read on the full path: parsed with positions, validated by the schema and the
 * rubric rules, `extends` applied. Built-in rubrics are read from their build-time cache instead
 * (io/rubric-load.ts); this is for a user's own rubric, and for a built-in one that was edited.
 */
import { dirname } from "node:path";
import type { Problem } from "../core/problems.js";
import type { Rubric, RubricFile } from "../core/rubric.js";
import { RubricExtensionSchema, RubricFileSchema } from "../core/rubric-schema.js";
import { checkRubric, normaliseRubric } from "../core/rubric-check.js";
import { applyExtension, extensionPath } from "../core/rubric-extends.js";
import { beyondRemoved, removablePaths, withoutKeys } from "../core/repair.js";
import { zodProblems } from "../core/zod-problems.js";
import { checkIdentity, redactReferenced } from "./rubric-identity.js";
import { shownPath } from "./rubric-ref.js";
import { digestOf } from "./rubric-digest.js";
import { BUILTIN_RUBRICS_DIR, builtinRubrics, loadRubricFile, MAX_EXTENDS_DEPTH, resolveRubricRef, versionMatches, type RubricLoad } from "./rubric-load.js";
import { parseYamlStream, placeProblems, type ParsedDocument } from "./yaml.js";

/** Reads a rubric file's text (`real`: its real path; `chain`: the rubrics that extend it, for cycles). */
export function readRubricText(text: string, file: string, real: string, chain: string[]): RubricLoad {
  const { documents, problems: yamlProblems } = parseYamlStream(text, file);
  if (yamlProblems.length > 0) return { problems: yamlProblems };
  const parsed = documents.find((d) => d.value !== null && d.value !== undefined);
  if (!parsed) return { problems: [{ code: "EMPTY_FILE", severity: "error", message: "the rubric file is empty", file, line: 1, column: 1 }] };
  const value = parsed.value;
  const isExtension = typeof value === "object" && value !== null && !Array.isArray(value) && "extends" in value;
  if (!isExtension) {
    const result = RubricFileSchema.safeParse(value);
    if (!result.success) {
      const schemaProblems = zodProblems(result.error.issues, RubricFileSchema, value);
      return { problems: placeProblems([...schemaProblems, ...rulesBeyondSchema(value, schemaProblems)], parsed, file) };
    }
    const semantic = checkRubric(result.data);
    if (semantic.length > 0) return { problems: placeProblems(semantic, parsed, file) };
    return identified(normaliseRubric(result.data), result.data, parsed, file, real);
  }
  const ext = RubricExtensionSchema.safeParse(value);
  if (!ext.success) return { problems: placeProblems(zodProblems(ext.error.issues, RubricExtensionSchema, value), parsed, file) };
  const baseRef = ext.data.extends;
  const resolved = resolveRubricRef(baseRef, dirname(real), dirname(real), "extends");
  if (resolved.problem) return { problems: placeProblems([{ ...resolved.problem, severity: "error", path: ["extends"] }], parsed, file) };
  const baseFile = resolved.file!;
  if (chain.length + 1 >= MAX_EXTENDS_DEPTH) {
    return { problems: placeProblems([{ code: "EXTENDS_TOO_DEEP", severity: "error", message: `the chain of \`extends\` is more than ${MAX_EXTENDS_DEPTH} rubrics long`, hint: "extend a built-in rubric or one near it; a long chain of extensions is hard to follow", path: ["extends"] }], parsed, file) };
  }
  const base = loadRubricFile(baseFile, [...chain, real]);
  if (base.raw === undefined) {
    const cycle = base.problems.find((p) => p.code === "EXTENDS_CYCLE");
    if (cycle) return { problems: placeProblems([{ ...stripPosition(cycle), file, path: ["extends"] }], parsed, file) };
    const deep = base.problems.find((p) => p.code === "EXTENDS_TOO_DEEP");
    if (deep) return { problems: placeProblems([{ ...stripPosition(deep), file, path: ["extends"] }], parsed, file) };
    return { problems: placeProblems([{ code: "RUBRIC_INVALID", severity: "error", message: `the rubric it extends, \`${baseRef}\`, is not valid (its problems follow)`, hint: `run \`egov-maturity validate ${shownPath(baseFile)}\``, path: ["extends"] }], parsed, file).concat(redactReferenced(base.problems)) };
  }
  if (resolved.version !== undefined && !versionMatches(base.raw.version, resolved.version)) {
    return { problems: placeProblems([{ code: "RUBRIC_VERSION_MISMATCH", severity: "error", message: `\`${baseRef}\` asks for version ${resolved.version}, but the rubric is ${base.raw.version}`, path: ["extends"] }], parsed, file) };
  }
  const { merged, problems: mergeProblems } = applyExtension(base.raw, ext.data);
  if (mergeProblems.length > 0) return { problems: placeProblems(mergeProblems, parsed, file) };
  const full = RubricFileSchema.safeParse(merged);
  if (!full.success) {
    const problems = zodProblems(full.error.issues, RubricFileSchema, merged).map((p) => ({ ...p, path: extensionPath(merged, ext.data, p.path ?? []) }));
    return { problems: placeProblems(problems, parsed, file) };
  }
  const semantic = checkRubric(full.data).map((p) => ({ ...p, path: extensionPath(merged, ext.data, p.path ?? []) }));
  if (semantic.length > 0) return { problems: placeProblems(semantic, parsed, file) };
  return identified(normaliseRubric(full.data), full.data, parsed, file, real);
}

/** A valid rubric with its digest, unless it takes the id of a built-in rubric it differs from. */
function identified(rubric: Rubric, raw: RubricFile, parsed: ParsedDocument, file: string, real: string): RubricLoad {
  digestOf(rubric);
  const taken = checkIdentity(rubric, real, builtinRubrics().get(rubric.id), BUILTIN_RUBRICS_DIR, (builtin) => loadRubricFile(builtin).rubric);
  if (taken) return { problems: placeProblems([taken], parsed, file) };
  return { rubric, raw, problems: [] };
}

/** The rubric rules checked on what is left once the values that failed the schema are set aside. */
function rulesBeyondSchema(value: unknown, schemaProblems: Problem[]): Problem[] {
  const { value: rest, removed } = withoutKeys(value, removablePaths(schemaProblems));
  const retry = RubricFileSchema.safeParse(rest);
  return retry.success ? beyondRemoved(checkRubric(retry.data), removed) : [];
}

function stripPosition(p: Problem): Problem {
  const { line: _l, column: _c, ...rest } = p;
  return rest;
}

