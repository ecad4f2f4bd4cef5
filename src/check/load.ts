import { documentKind, type AssessmentLoad } from "../io/assessment-load.js";
import { readTextFile } from "../io/read.js";
import { loadRubricFile } from "../io/rubric-load.js";
import { parseYamlStream } from "../io/yaml.js";

/** The kind of each document of a YAML file (empty for standard input, a table or an unreadable file). */
function documentKinds(file: string): ReturnType<typeof documentKind>[] {
  if (file === "-" || !/\.ya?ml$/i.test(file)) return [];
  const read = readTextFile(file);
  if (read.text === undefined) return [];
  const kinds: ReturnType<typeof documentKind>[] = [];
  for (const d of parseYamlStream(read.text, file).documents) kinds[d.index] = d.value === null || d.value === undefined ? "unknown" : documentKind(d.value);
  return kinds;
}

/**
 * What `check` judges in one file. Every assessment document is checked, whatever comes before it: a
 * rubric document kept in the same file is not an assessment (no problem for it) but never hides the
 * assessments after it. A file of rubric documents only is validated as a rubric. Other YAML met inside
 * a folder (a workflow, the policy itself) is skipped: undefined.
 */
export function loadCheckedFile(file: string, load: AssessmentLoad, named: boolean): AssessmentLoad | undefined {
  if (!load.problems.some((p) => p.code === "NOT_AN_ASSESSMENT")) return load;
  const kinds = documentKinds(file);
  const rubricDoc = (p: { document?: number | undefined }) => kinds[p.document ?? 0] === "rubric";
  if (!kinds.includes("assessment") && kinds.find((k) => k !== "unknown") === "rubric") return { assessments: [], problems: loadRubricFile(file).problems };
  if (!named && load.assessments.length === 0 && load.problems.every((p) => p.code === "NOT_AN_ASSESSMENT")) return undefined;
  return { assessments: load.assessments, problems: load.problems.filter((p) => !(p.code === "NOT_AN_ASSESSMENT" && rubricDoc(p))) };
}
