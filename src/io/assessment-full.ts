/**
 * The full path of an assessment: every document parsed with source positions, checked by the schema
 * (zod words each problem) and against its rubric, and every problem placed at its line. The fast path
 * (io/assessment-load.ts) takes a valid file without it.
 */
import { checkAssessment } from "../core/assessment.js";
import { AnswerSchema, AssessmentSchema, type AssessmentFile } from "../core/assessment-schema.js";
import type { Problem } from "../core/problems.js";
import { beyondRemoved, removablePaths, withoutKeys } from "../core/repair.js";
import { zodProblems } from "../core/zod-problems.js";
import { documentKind, isRecord, rubricFor, sameAssessmentKey, type AssessmentLoad, type AssessmentLoadOptions, type LoadedAssessment } from "./assessment-load.js";
import { locate, parseYamlStream, placeProblems, type ParsedDocument } from "./yaml.js";

/**
 * Validates one parsed assessment document against its rubric; every problem placed at its node.
 * Schema problems do not stop the answers from being checked against the rubric: one pass finds all.
 */
export function loadAssessmentDocument(parsed: ParsedDocument, file: string, options: AssessmentLoadOptions = {}): { loaded?: LoadedAssessment; problems: Problem[] } {
  const value = parsed.value;
  const kind = documentKind(value);
  if (kind !== "assessment") {
    // A rubric, a check policy, a CSV mapping or any other YAML: one clear line, not a wall of unknown keys.
    const what = kind === "rubric" ? "a rubric, not an assessment" : "not an assessment: it has neither `agency:` nor `answers:`";
    const hint = kind === "rubric" ? "an assessment names its rubric with `rubric:`; check a rubric with `egov-maturity validate`, show it with `egov-maturity rubric show <path>`" : "`egov-maturity init` writes an assessment to fill in; `egov-maturity validate` recognises rubrics, policies and CSV mappings";
    return { problems: placeProblems([{ code: "NOT_AN_ASSESSMENT", severity: "error", message: `the document is ${what}`, hint, path: [] }], parsed, file) };
  }
  const result = AssessmentSchema.safeParse(value);
  const problems: Problem[] = result.success ? [] : zodProblems(result.error.issues, AssessmentSchema, value);
  const record = isRecord(value) ? value : {};
  const ref = options.rubric ?? (typeof record.rubric === "string" ? record.rubric : undefined);
  if (ref === undefined) {
    if (record.rubric === undefined) problems.push({ code: "RUBRIC_MISSING", severity: "error", message: "the assessment names no rubric", hint: "add `rubric: egov-maturity@2` at the top, or pass `--rubric <id or path>`", path: [] });
    return { problems: placeProblems(problems, parsed, file) };
  }
  const loaded = rubricFor(ref, file, options);
  if (loaded.problem) {
    problems.push({ ...loaded.problem, severity: "error", path: ["rubric"] });
    return { problems: placeProblems(problems, parsed, file) };
  }
  if (!loaded.rubric) {
    problems.push({ code: "RUBRIC_INVALID", severity: "error", message: `the rubric \`${ref}\` is not valid`, hint: "its problems are listed below", path: ["rubric"] });
    return { problems: [...placeProblems(problems, parsed, file), ...loaded.problems] };
  }
  // When the schema failed, the rest is still checked against the rubric: first the file with the
  // failing values set aside; failing that, the answers and targets that pass on their own.
  let removed: readonly (readonly (string | number)[])[] = [];
  let repaired: AssessmentFile | undefined;
  if (!result.success) {
    const attempt = withoutKeys(value, removablePaths(problems));
    const retry = AssessmentSchema.safeParse(attempt.value);
    if (retry.success) {
      repaired = retry.data;
      removed = attempt.removed;
    }
  }
  const partial: AssessmentFile = result.success
    ? result.data
    : repaired ?? {
        agency: { id: "-" },
        answers: Object.fromEntries(Object.entries(isRecord(record.answers) ? record.answers : {}).flatMap(([k, v]) => {
          const answer = AnswerSchema.safeParse(v);
          return answer.success ? [[k, answer.data]] : [];
        })),
        targets: Object.fromEntries(Object.entries(isRecord(record.targets) ? record.targets : {}).filter((e): e is [string, number] => typeof e[1] === "number")),
      };
  const checked = checkAssessment(partial, loaded.rubric, options);
  problems.push(...beyondRemoved(checked.problems, removed));
  if (problems.length > 0 || !result.success) return { problems: placeProblems(problems, parsed, file) };
  return { loaded: { file, document: parsed.index, assessment: checked.assessment, rubric: loaded.rubric, parsed }, problems: [] };
}

/** The full path: every document parsed with positions, every problem found and placed. */
export function loadAssessmentStream(text: string, file: string, options: AssessmentLoadOptions): AssessmentLoad {
  const { documents, problems } = parseYamlStream(text, file);
  if (problems.length > 0) return { assessments: [], problems };
  const assessments: LoadedAssessment[] = [];
  const all: Problem[] = [];
  const present = documents.filter((d) => d.value !== null && d.value !== undefined);
  if (present.length === 0) {
    return { assessments, problems: [{ code: "EMPTY_FILE", severity: "error", message: "the file holds no assessment", hint: "run `egov-maturity init` for a template to fill in", file, line: 1, column: 1 }] };
  }
  // One agency's assessment of one date is one document: answers split over two would be ambiguous.
  const seen = new Map<string, number>();
  for (const parsed of present) {
    const { loaded, problems: docProblems } = loadAssessmentDocument(parsed, file, options);
    const key = sameAssessmentKey(parsed.value);
    const first = key === undefined ? undefined : seen.get(key);
    if (first !== undefined) {
      const at = locate(parsed, ["agency", "id"]);
      all.push({ code: "DUPLICATE_AGENCY", severity: "error", message: `agency \`${key!.split("\u0000")[0]}\` was already assessed for this date in document ${first + 1}`, hint: "merge the two documents' answers into one, or give each its own `date`", file, ...at, document: parsed.index });
      continue;
    }
    if (key !== undefined) seen.set(key, parsed.index);
    if (loaded) assessments.push(loaded);
    all.push(...docProblems);
  }
  return { assessments, problems: all };
}
