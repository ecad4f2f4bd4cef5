/**
 * egov-maturity as a library: load and validate rubrics and assessments, score them, render reports.
 * @example
 *   import { loadAssessmentFile, score } from "egov-maturity";
 *   const { assessments, problems } = loadAssessmentFile("agency.yaml");
 *   const report = score(assessments[0].rubric, assessments[0].assessment);
 */
export { score, criterionScore, numberScore, dimensionScore, overallIndex, classify, stageAttainment, criterionImpacts, atLeast, EPSILON } from "./core/score.js";
export type { Report, DimensionResult, CriterionResult, GapItem, GateResult, StageResult, StageStatus } from "./core/score.js";
export { buildRoadmap, type RoadmapStep } from "./core/roadmap.js";
export { AssessmentSchema, AnswerSchema, EvidenceSchema, checkAssessment } from "./core/assessment.js";
export type { Assessment, AssessmentFile, Answer, AnswerValue } from "./core/assessment.js";
export { RubricFileSchema, RubricExtensionSchema, AnyRubricFileSchema, defaultLanguage } from "./core/rubric.js";
export type { Rubric, Dimension, Criterion, RubricFile } from "./core/rubric.js";
export { checkRubric, normaliseRubric } from "./core/rubric-check.js";
export { rubricJsonSchema, assessmentJsonSchema } from "./core/json-schema.js";
export { localise, type LocalisedText } from "./core/text.js";
export { InputError, UsageError, type Problem } from "./core/problems.js";
export { loadAssessmentFile, loadAssessmentText, type LoadedAssessment } from "./io/assessment-load.js";
export { loadRubric, loadRubricFile, builtinRubrics } from "./io/rubric-load.js";
export { reportRenderers, type Renderer, type RenderContext } from "./report/formats/index.js";
export { reportToJson } from "./report/formats/json.js";
