import { problemAt, type Problem } from "./problems.js";
import { stageThreshold } from "./formulas.js";
import type { Criterion, Dimension, Rubric, RubricFile } from "./rubric.js";
import { didYouMean } from "./suggest.js";
import type { LocalisedText } from "./text.js";

type Path = (string | number)[];

/**
 * The rules of DESIGN.md §2 that a schema cannot state: unique ids, level descriptors for every scale
 * value, number scoring, gates naming prerequisites, bands descending, translations present.
 * Returns every problem, each at the path of the offending node.
 */
export function checkRubric(file: RubricFile): Problem[] {
  const problems: Problem[] = [];
  const languages = file.languages;
  const defaultLang = languages[0] ?? "en";

  const checkText = (text: LocalisedText | undefined, path: Path) => {
    if (text === undefined || typeof text === "string") return;
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) {
        problems.push(
          problemAt([...path, lang], "UNDECLARED_LANGUAGE", `language \`${lang}\` is not in the rubric's \`languages\` (${languages.join(", ")})`, `add \`${lang}\` to \`languages\`, or fix the code`, true),
        );
      }
    }
    if (text[defaultLang] === undefined) {
      problems.push(problemAt(path, "MISSING_TRANSLATION", `text has no \`${defaultLang}\` version, the rubric's default language`, "every text needs the first language of `languages`: it is the fallback"));
    }
  };

  checkText(file.title, ["title"]);
  checkText(file.description, ["description"]);
  checkText(file.source, ["source"]);

  const scaleValues = new Set<number>();
  file.scale.forEach((step, i) => {
    if (scaleValues.has(step.value)) problems.push(problemAt(["scale", i, "value"], "DUPLICATE_ID", `scale value ${step.value} appears twice`));
    scaleValues.add(step.value);
    checkText(step.label, ["scale", i, "label"]);
  });
  const sortedScale = [...scaleValues].sort((a, b) => a - b);
  if (sortedScale.length > 0 && (sortedScale[sortedScale.length - 1] ?? 0) <= 0) {
    problems.push(problemAt(["scale"], "INVALID_SCALE", "the scale's highest value must be above 0"));
  }

  const classIds = new Set<string>();
  (file.classification ?? []).forEach((band, i) => {
    if (classIds.has(band.id)) problems.push(problemAt(["classification", i, "id"], "DUPLICATE_ID", `classification id \`${band.id}\` appears twice`));
    classIds.add(band.id);
    const previous = file.classification?.[i - 1];
    if (previous && band.min >= previous.min) {
      problems.push(problemAt(["classification", i, "min"], "BANDS_NOT_DESCENDING", `classification bands must be listed highest \`min\` first: ${band.min} follows ${previous.min}`));
    }
    checkText(band.label, ["classification", i, "label"]);
  });

  const dimensionIds = new Map<string, number>();
  const prerequisites = new Set<string>();
  file.dimensions.forEach((d, i) => {
    if (dimensionIds.has(d.id)) problems.push(problemAt(["dimensions", i, "id"], "DUPLICATE_ID", `dimension id \`${d.id}\` appears twice`));
    dimensionIds.set(d.id, i);
    if (d.kind === "prerequisite") prerequisites.add(d.id);
  });

  const allCriteria = new Set(file.dimensions.flatMap((d) => d.criteria.map((c) => c.id)));
  const criterionIds = new Set<string>();
  file.dimensions.forEach((d, i) => {
    const dp: Path = ["dimensions", i];
    checkText(d.title, [...dp, "title"]);
    checkText(d.description, [...dp, "description"]);
    if (d.kind !== "stage") {
      if (d.threshold !== undefined) problems.push(problemAt([...dp, "threshold"], "STAGE_ONLY", `\`threshold\` applies to stages only; \`${d.id}\` is a ${d.kind}`, undefined, true));
      if (d.requires !== undefined) problems.push(problemAt([...dp, "requires"], "STAGE_ONLY", `\`requires\` applies to stages only; \`${d.id}\` is a ${d.kind}`, undefined, true));
    }
    (d.requires ?? []).forEach((gate, g) => {
      if ("criterion" in gate) {
        if (!allCriteria.has(gate.criterion)) {
          problems.push(
            problemAt([...dp, "requires", g, "criterion"], "UNKNOWN_CRITERION", `gate names \`${gate.criterion}\`, which is not a criterion of this rubric`, didYouMean(gate.criterion, allCriteria) ?? "a criterion gate names a criterion id of this rubric"),
          );
        }
        return;
      }
      if (!prerequisites.has(gate.dimension)) {
        const exists = dimensionIds.has(gate.dimension);
        problems.push(
          problemAt(
            [...dp, "requires", g, "dimension"],
            "UNKNOWN_PREREQUISITE",
            exists ? `gate names \`${gate.dimension}\`, which is not a prerequisite` : `gate names \`${gate.dimension}\`, which is not a dimension of this rubric`,
            exists ? "gates may name dimensions of kind `prerequisite` only" : didYouMean(gate.dimension, prerequisites) ?? `prerequisites: ${[...prerequisites].join(", ") || "none"}`,
          ),
        );
      }
    });
    d.criteria.forEach((c, j) => {
      const cp: Path = [...dp, "criteria", j];
      if (criterionIds.has(c.id)) problems.push(problemAt([...cp, "id"], "DUPLICATE_ID", `criterion id \`${c.id}\` appears twice`));
      criterionIds.add(c.id);
      for (const key of ["title", "question", "description", "evidence", "recommendation"] as const) checkText(c[key], [...cp, key]);
      problems.push(...checkCriterionScoring(c, cp, sortedScale, checkText));
    });
  });
  return problems;
}

function checkCriterionScoring(
  c: RubricFile["dimensions"][number]["criteria"][number],
  cp: Path,
  scale: number[],
  checkText: (t: LocalisedText | undefined, p: Path) => void,
): Problem[] {
  const problems: Problem[] = [];
  const type = c.type ?? "level";
  const numberOnly = ["unit", "min", "max", "direction", "bands", "range"] as const;
  if (type !== "number") {
    for (const key of numberOnly) {
      if (c[key] !== undefined) problems.push(problemAt([...cp, key], "NUMBER_ONLY", `\`${key}\` applies to number criteria only; \`${c.id}\` is of type ${type}`, "set `type: number`, or remove the key", true));
    }
  }
  if (type !== "level" && c.levels !== undefined) {
    problems.push(problemAt([...cp, "levels"], "LEVEL_ONLY", `\`levels\` applies to level criteria only; \`${c.id}\` is of type ${type}`, undefined, true));
  }
  if (type === "level") {
    if (c.levels === undefined) {
      problems.push(problemAt(cp, "MISSING_LEVELS", `level criterion \`${c.id}\` has no \`levels\``, `describe every scale value: ${scale.join(", ")}`));
    } else {
      const missing = scale.filter((v) => c.levels?.[String(v)] === undefined);
      if (missing.length > 0) problems.push(problemAt([...cp, "levels"], "MISSING_LEVEL", `\`${c.id}\` does not describe level${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, "a level criterion describes every scale value", true));
      for (const key of Object.keys(c.levels)) {
        if (!scale.includes(Number(key))) problems.push(problemAt([...cp, "levels", key], "UNKNOWN_LEVEL", `level ${key} is not a value of the scale`, `scale values: ${scale.join(", ")}`, true));
        checkText(c.levels[key], [...cp, "levels", key]);
      }
    }
  }
  if (type === "number") {
    const linear = c.min !== undefined || c.max !== undefined;
    if (linear && c.bands !== undefined) {
      problems.push(problemAt([...cp, "bands"], "NUMBER_SCORING_CONFLICT", `\`${c.id}\` has both \`min\`/\`max\` and \`bands\``, "use either linear scoring (min, max, direction) or bands, not both", true));
    } else if (!linear && c.bands === undefined) {
      problems.push(problemAt(cp, "NUMBER_SCORING_MISSING", `number criterion \`${c.id}\` has neither \`min\`/\`max\` nor \`bands\``, "add `min:` and `max:` for linear scoring, or `bands:`"));
    } else if (linear) {
      if (c.min === undefined || c.max === undefined) {
        problems.push(problemAt(cp, "NUMBER_SCORING_MISSING", `\`${c.id}\` needs both \`min\` and \`max\` for linear scoring`));
      } else if (!(c.min < c.max)) {
        problems.push(problemAt([...cp, "max"], "MIN_NOT_BELOW_MAX", `\`min\` (${c.min}) must be below \`max\` (${c.max})`));
      } else if (!Number.isFinite(c.max - c.min)) {
        problems.push(problemAt([...cp, "max"], "SPAN_TOO_LARGE", `the span from \`min\` (${c.min}) to \`max\` (${c.max}) is not a finite number: no value could be scored`, "narrow `min` and `max`"));
      }
    } else if (c.bands !== undefined) {
      if (c.direction !== undefined) problems.push(problemAt([...cp, "direction"], "NUMBER_SCORING_CONFLICT", "`direction` applies to linear scoring only; bands state the score directly", "for lower-is-better, give the low values the high scores in the bands", true));
      if (c.bands.length === 0) problems.push(problemAt([...cp, "bands"], "NUMBER_SCORING_MISSING", "`bands` is empty"));
      c.bands.forEach((band, b) => {
        const previous = c.bands?.[b - 1];
        if (previous && band.min >= previous.min) problems.push(problemAt([...cp, "bands", b, "min"], "BANDS_NOT_DESCENDING", `bands must be listed highest \`min\` first: ${band.min} follows ${previous.min}`));
      });
    }
  }
  if (type === "number" && c.range !== undefined) {
    const [low, high] = c.range;
    if (low !== null && high !== null && low > high) problems.push(problemAt([...cp, "range"], "RANGE_EMPTY", `\`range\` [${low}, ${high}] admits no value: its lowest bound is above its highest`, "write the lowest admissible value first"));
  }
  return problems;
}

/** Applies every default of DESIGN.md §2 to a checked rubric file. */
export function normaliseRubric(file: RubricFile): Rubric {
  const maxLevel = Math.max(...file.scale.map((s) => s.value));
  const criteria = new Map<string, Criterion>();
  const dimensions: Dimension[] = file.dimensions.map((d) => {
    const dimensionCriteria: Criterion[] = d.criteria.map((c) => {
      const criterion: Criterion = {
        id: c.id,
        dimension: d.id,
        title: c.title,
        weight: c.weight ?? 1,
        type: c.type ?? "level",
        tags: c.tags ?? [],
        direction: c.direction ?? "higher",
      };
      if (c.question !== undefined) criterion.question = c.question;
      if (c.description !== undefined) criterion.description = c.description;
      if (c.levels !== undefined) criterion.levels = c.levels;
      if (c.evidence !== undefined) criterion.evidence = c.evidence;
      if (c.recommendation !== undefined) criterion.recommendation = c.recommendation;
      if (c.unit !== undefined) criterion.unit = c.unit;
      if (c.min !== undefined) criterion.min = c.min;
      if (c.max !== undefined) criterion.max = c.max;
      if (c.bands !== undefined) criterion.bands = c.bands;
      if (c.range !== undefined) criterion.range = c.range;
      if (c.refs !== undefined) criterion.refs = c.refs;
      criteria.set(c.id, criterion);
      return criterion;
    });
    const threshold = d.kind === "stage" ? stageThreshold(d) : undefined;
    const dimension: Dimension = {
      id: d.id,
      kind: d.kind,
      title: d.title,
      weight: d.weight ?? 1,
      target: d.target ?? threshold ?? 1,
      requires: d.requires ?? [],
      criteria: dimensionCriteria,
    };
    if (threshold !== undefined) dimension.threshold = threshold;
    if (d.description !== undefined) dimension.description = d.description;
    return dimension;
  });
  const rubric: Rubric = {
    id: file.id,
    version: file.version,
    languages: file.languages,
    title: file.title,
    scale: [...file.scale].sort((a, b) => a.value - b.value),
    maxLevel,
    display: file.display ?? "percent",
    classification: file.classification ?? [],
    dimensions,
    criteria,
  };
  if (file.description !== undefined) rubric.description = file.description;
  if (file.source !== undefined) rubric.source = file.source;
  return rubric;
}
