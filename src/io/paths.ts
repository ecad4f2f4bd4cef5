import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { UsageError, type Problem } from "../core/problems.js";
import { fsProblem } from "./read.js";

const YAML_FILE = /\.ya?ml$/i;

/** True when a path argument is a glob pattern. */
export function isGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg);
}

/**
 * A glob — `*`, `**`, `?`, `{a,b}` (nested too), `[abc]`, `[!a]` — as a matcher of `/`-separated
 * relative paths (picomatch; `*` and `?` never cross a `/`). A malformed glob (an unclosed `[`,
 * `{` or `(`) is a usage error.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  try {
    // posix: `[!a]` is "not a", as in a shell (without it picomatch reads `!` as a member of the class).
    return picomatch(glob, { strictBrackets: true, posix: true });
  } catch (error) {
    throw new UsageError(`\`${glob}\` is not a valid glob: ${(error as Error).message.replace(/\.$/, "")}`, "close every [ ], { } and ( ), or quote the path if it is a file name");
  }
}

function walk(dir: string, seen: Set<string>, files: string[], problems: Problem[], shown: string, wanted: RegExp = YAML_FILE): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    problems.push(fsProblem(error, shown));
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(fsProblem(error, shown));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // join() once per folder, not per entry (a folder of 10,000 files): an entry's name has no separator
  // and is neither `.` nor `..`, so join(dir, name) is the folder's joined prefix and the name.
  const fullPrefix = join(dir, "x").slice(0, -1);
  const shownPrefix = join(shown, "x").slice(0, -1);
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = fullPrefix + entry.name;
    const shownPath = shownPrefix + entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = statSync(full);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch (error) {
        problems.push(fsProblem(error, shownPath));
        continue;
      }
    }
    if (isDir) walk(full, seen, files, problems, shownPath, wanted);
    else if (isFile && wanted.test(entry.name)) files.push(shownPath);
  }
}

/**
 * Expands path arguments: files as given, directories recursively (`*.yaml` / `*.yml`, hidden
 * entries skipped, symlink loops visited once), globs against the working directory, `-` kept for
 * standard input. Missing paths become problems; the order is stable.
 */
export function expandPaths(args: readonly string[], extensions: RegExp = YAML_FILE): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const arg of args) {
    if (arg === "-") {
      files.push("-");
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      if (isGlob(arg)) {
        const matched = expandGlob(arg);
        if (matched.length === 0) problems.push({ code: "NO_MATCH", severity: "error", message: `no file matches \`${arg}\``, file: arg, line: 1, column: 1 });
        files.push(...matched);
      } else problems.push(fsProblem(error, arg));
      continue;
    }
    if (stat.isDirectory()) {
      const before = files.length;
      walk(arg, new Set(), files, problems, arg);
      if (files.length === before && problems.length === 0) problems.push({ code: "NO_MATCH", severity: "error", message: "the directory holds no .yaml or .yml file", file: arg, line: 1, column: 1 });
    } else files.push(arg);
  }
  return { files: [...new Set(files)], problems };
}

function expandGlob(pattern: string): string[] {
  const normalised = pattern.split(sep).join("/");
  const { base, glob } = picomatch.scan(normalised);
  const matches = globMatcher(glob);
  const root = base === "" ? "." : base;
  const all: string[] = [];
  // A glob may name YAML or spreadsheet (CSV, TSV, xlsx) inputs; the pattern itself decides which.
  walk(root, new Set(), all, [], root, /\.(csv|tsv|xlsx|ya?ml)$/i);
  return all.filter((f) => matches(relative(resolve(root), resolve(f)).split(sep).join("/")));
}
