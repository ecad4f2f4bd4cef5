import { PolicySchema, type PolicyFile } from "../core/policy.js";
import type { Problem } from "../core/problems.js";
import { zodProblems } from "../core/zod-problems.js";
import { readTextFile } from "./read.js";
import { parseYamlStream, placeProblems, type ParsedDocument } from "./yaml.js";

/** A loaded policy file, with its parsed document to place later problems (ids the rubric lacks). */
export interface PolicyLoad {
  policy?: PolicyFile;
  parsed?: ParsedDocument;
  problems: Problem[];
}

/** Reads and validates a policy file; every problem at its line. Never throws for bad input. */
export function loadPolicyFile(file: string): PolicyLoad {
  const read = readTextFile(file);
  if (read.text === undefined) return { problems: read.problems };
  const { documents, problems } = parseYamlStream(read.text, file);
  if (problems.length > 0) return { problems };
  const present = documents.filter((d) => d.value !== null && d.value !== undefined);
  const parsed = present[0];
  if (parsed === undefined) return { policy: {}, problems: [] };
  if (present.length > 1) return { problems: [{ code: "POLICY_SEVERAL_DOCUMENTS", severity: "error", message: "a policy file holds one document", hint: "merge the documents; use `overrides:` for per-agency rules", file, ...locateDoc(present[1]!) }] };
  const result = PolicySchema.safeParse(parsed.value);
  if (!result.success) return { parsed, problems: placeProblems(zodProblems(result.error.issues, PolicySchema, parsed.value), parsed, file) };
  return { policy: result.data, parsed, problems: [] };
}

function locateDoc(parsed: ParsedDocument): { line: number; column: number } {
  const start = parsed.doc.contents?.range?.[0] ?? 0;
  const { line, col } = parsed.lineCounter.linePos(start);
  return { line, column: col };
}
