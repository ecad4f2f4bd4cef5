/**
 * The full path's entry points, loaded together on first need (io/full-path.ts): the modules that
 * import zod or `yaml`, and the spreadsheet readers built on them. Nothing that the fast path of a
 * YAML or JSON assessment needs is here.
 */
export { loadAssessmentDocument, loadAssessmentStream } from "./assessment-full.js";
export { loadAssessmentCsv, loadAssessmentCsvRows, noRowSelected } from "./csv-load.js";
export { loadCsvMapping } from "./csv-mapping.js";
export { tableContext } from "./csv-columns.js";
export { checkRow, readRow, TableRows } from "./csv-row.js";
export { loadAssessmentXlsx } from "./xlsx-load.js";
export { readRubricText } from "./rubric-parse.js";
export { locate, parseYamlStream, placeProblems, unplacedDocument } from "./yaml.js";
