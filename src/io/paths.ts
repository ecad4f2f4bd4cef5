import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Problem } from "../core/problems.js";
import { fsProblem } from "./read.js";

const YAML_FILE = /\.ya?ml$/i;

/** True when a path argument is a glob pattern. */
export function isGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg);
}

/** A glob (`*`, `**`, `?`, `{a,b}`, `[abc]`) as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else out += "[^/]*";
    } else if (ch === "?") out += "[^/]";
    else if (ch === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) out += "\\{";
      else {
        out += `(?:${glob.slice(i + 1, end).split(",").map((p) => p.replace(/[.+^$()|\\]/g, "\\$&").replace(/\*/g, "[^/]*")).join("|")})`;
        i = end;
      }
    } else if (ch === "[") {
      const end = glob.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += ch.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
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
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(dir, entry.name);
    const shownPath = join(shown, entry.name);
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
  const firstMagic = normalised.search(/[*?[\]{}]/);
  const baseEnd = normalised.lastIndexOf("/", firstMagic);
  const base = baseEnd < 0 ? "." : normalised.slice(0, baseEnd) || "/";
  const regexp = globToRegExp(baseEnd < 0 ? normalised : normalised.slice(baseEnd + 1));
  const all: string[] = [];
  // A glob may name YAML or spreadsheet (CSV, TSV, xlsx) inputs; the pattern itself decides which.
  walk(base, new Set(), all, [], base, /\.(csv|tsv|xlsx|ya?ml)$/i);
  return all.filter((f) => regexp.test(relative(resolve(base), resolve(f)).split(sep).join("/")));
}
