/**
 * What a library result was made from. `report()`, `compare()`… return the plain data their
 * `--format json` prints; the in-memory model behind it (a scored report, a comparison) stays
 * attached here, so `render(format, data)` can draw every other format from the same result
 * without putting anything extra into the data.
 */
export interface ResultModel {
  /** The command whose registry renders it: "report", "compare", "score", "check". */
  command: string;
  /** The model the command's renderers take. */
  model: unknown;
  /** The language the result was made in. */
  lang: string;
}

const models = new WeakMap<object, ResultModel>();

/** Attaches the model to a result; returns the result. */
export function attachModel<T extends object>(data: T, model: ResultModel): T {
  models.set(data, model);
  return data;
}

/** The model behind a library result, or undefined for data that did not come from the library. */
export function modelOf(data: unknown): ResultModel | undefined {
  return typeof data === "object" && data !== null ? models.get(data) : undefined;
}
