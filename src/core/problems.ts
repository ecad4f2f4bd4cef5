/** One problem found in an input: data, not wording (see `formatProblem` in io/problem-format). */
export interface Problem {
  /** Stable machine code, e.g. `UNKNOWN_KEY`; tests assert codes, not prose. */
  code: string;
  severity: "error" | "warning";
  message: string;
  /** An indented hint printed under the message, e.g. "did you mean `weight`?". */
  hint?: string;
  /** The file, when known. */
  file?: string;
  /** 1-based position of the offending YAML node. */
  line?: number;
  column?: number;
  /** Path of the offending value inside the document, used to locate it. */
  path?: readonly (string | number)[];
  /** Locate the key of `path` instead of its value (unknown keys). */
  atKey?: boolean;
  /** Index of the YAML document in a multi-document stream. */
  document?: number;
  /** A workbook's sheet: then `line` is the row and `column` the column, shown as `file.xlsx:Sheet!C12`. */
  sheet?: string;
}

/** Makes an error problem at a path. */
export function problemAt(
  path: readonly (string | number)[],
  code: string,
  message: string,
  hint?: string,
  atKey = false,
): Problem {
  const problem: Problem = { code, severity: "error", message, path };
  if (hint !== undefined) problem.hint = hint;
  if (atKey) problem.atKey = true;
  return problem;
}

/** Thrown by the io and cli layers for invalid input: carries every problem found; exit code 2. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.name = "InputError";
    this.problems = problems;
  }
}

/** Thrown for invalid usage (bad option value, missing argument): exit code 2. */
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = "UsageError";
    this.hint = hint;
  }
}
