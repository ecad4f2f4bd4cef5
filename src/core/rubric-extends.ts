import { problemAt, type Problem } from "./problems.js";
import type { RubricExtension, RubricFile } from "./rubric.js";
import { didYouMean } from "./suggest.js";
import { mergeText, type LocalisedText } from "./text.js";

type CriterionFile = RubricFile["dimensions"][number]["criteria"][number];
type DimensionFile = RubricFile["dimensions"][number];

const TEXT_KEYS = new Set(["title", "question", "description", "evidence", "recommendation", "label", "source"]);

function mergeFields<T extends object>(base: T, override: object, lang: string): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined || key === "criteria") continue;
    if (TEXT_KEYS.has(key)) out[key] = mergeText(out[key] as LocalisedText | undefined, value as LocalisedText, lang);
    else if (key === "levels" && out.levels !== undefined) {
      const levels: Record<string, LocalisedText> = { ...(out.levels as Record<string, LocalisedText>) };
      for (const [level, text] of Object.entries(value as Record<string, LocalisedText>)) levels[level] = mergeText(levels[level], text, lang) ?? text;
      out.levels = levels;
    } else out[key] = value;
  }
  return out as T;
}

/**
 * Applies an extending rubric to its base: top-level fields replace (texts merge per language),
 * dimensions and criteria named by id are overridden field by field, new ones are added, and
 * `remove` drops criteria or dimensions. The result is checked like any rubric file.
 */
export function applyExtension(base: RubricFile, ext: RubricExtension): { merged: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const lang = base.languages[0] ?? "en";
  const dimensions: DimensionFile[] = base.dimensions.map((d) => ({ ...d, criteria: [...d.criteria] }));
  const allCriterionIds = () => dimensions.flatMap((d) => d.criteria.map((c) => c.id));

  const baseCriterionIds = base.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
  for (const [i, dExt] of (ext.dimensions ?? []).entries()) {
    let target = dimensions.find((d) => d.id === dExt.id);
    if (target === undefined) {
      const { criteria, ...fields } = dExt;
      target = { ...(fields as DimensionFile), criteria: [] };
      dimensions.push(target);
    } else {
      const index = dimensions.indexOf(target);
      target = { ...mergeFields(target, dExt, lang), criteria: target.criteria };
      dimensions[index] = target;
    }
    const owner = target;
    (dExt.criteria ?? []).forEach((cExt, j) => {
      let found = false;
      for (const d of dimensions) {
        const j = d.criteria.findIndex((c) => c.id === cExt.id);
        if (j >= 0) {
          const current = d.criteria[j];
          if (current) d.criteria[j] = mergeFields(current, cExt, lang);
          found = true;
        }
      }
      if (found) return;
      if (cExt.title === undefined) {
        // Without a title this is an override, so its id should name a criterion of the base.
        problems.push(problemAt(["dimensions", i, "criteria", j, "id"], "UNKNOWN_CRITERION", `\`${cExt.id}\` is not a criterion of the base rubric`, didYouMean(cExt.id, baseCriterionIds) ?? "to add a new criterion, give it a `title` (and its levels or scoring)"));
        return;
      }
      owner.criteria.push(cExt as CriterionFile);
    });
  }

  for (const [r, id] of (ext.remove ?? []).entries()) {
    const dimensionIndex = dimensions.findIndex((d) => d.id === id);
    if (dimensionIndex >= 0) {
      dimensions.splice(dimensionIndex, 1);
      continue;
    }
    let removed = false;
    for (const d of dimensions) {
      const j = d.criteria.findIndex((c) => c.id === id);
      if (j >= 0) {
        d.criteria.splice(j, 1);
        removed = true;
      }
    }
    if (!removed) {
      problems.push(problemAt(["remove", r], "UNKNOWN_CRITERION", `\`remove\` names \`${id}\`, which the base rubric does not have`, didYouMean(id, [...allCriterionIds(), ...dimensions.map((d) => d.id)])));
    }
  }

  const merged: Record<string, unknown> = mergeFields(
    { ...base, dimensions: undefined } as Record<string, unknown>,
    Object.fromEntries(Object.entries(ext).filter(([k]) => !["extends", "dimensions", "remove"].includes(k))),
    lang,
  );
  merged.dimensions = dimensions;
  if (ext.version === undefined) merged.version = base.version;
  return { merged, problems };
}

/** Maps a path in the merged rubric back to the extension file: the same dimension or criterion by id, else `extends`. */
export function extensionPath(merged: Record<string, unknown>, ext: RubricExtension, path: readonly (string | number)[]): (string | number)[] {
  if (path[0] !== "dimensions" || typeof path[1] !== "number") {
    return path.length > 0 && path[0] !== undefined && path[0] in ext ? [...path] : ["extends"];
  }
  const dims = merged.dimensions as DimensionFile[];
  const dimension = dims[path[1]];
  const extDims = ext.dimensions ?? [];
  const de = extDims.findIndex((d) => d.id === dimension?.id);
  if (path[2] === "criteria" && typeof path[3] === "number") {
    const criterion = dimension?.criteria[path[3]];
    for (const [di, d] of extDims.entries()) {
      const ce = (d.criteria ?? []).findIndex((c) => c.id === criterion?.id);
      if (ce >= 0) return ["dimensions", di, "criteria", ce, ...path.slice(4)];
    }
    return de >= 0 ? ["dimensions", de] : ["extends"];
  }
  return de >= 0 ? ["dimensions", de, ...path.slice(2)] : ["extends"];
}
